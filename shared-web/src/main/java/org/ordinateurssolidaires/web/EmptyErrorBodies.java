package org.ordinateurssolidaires.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * The error answers that would leave with no body at all get a problem: those set by a status alone, below every
 * controller advice (the actuator's 404 for a health group it does not have), or whose problem Spring MVC could not
 * write (a 406 to an {@code Accept} header it cannot read). An answer that has a body, or has already left, is let
 * through untouched.
 */
class EmptyErrorBodies extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        WatchedResponse watched = new WatchedResponse(response);
        chain.doFilter(request, watched);
        HttpStatus status = HttpStatus.resolve(response.getStatus());
        if (status != null && status.isError() && !watched.wroteAnything() && !response.isCommitted()
            && !request.isAsyncStarted() && !HttpMethod.HEAD.matches(request.getMethod())) {
            response.resetBuffer();
            ProblemJsonResponses.write(request, response, status, status.is5xxServerError()
                    ? "the server could not handle the request; the fault is logged" : "the request was refused: "
                    + status.getReasonPhrase().toLowerCase(Locale.ROOT));
        }
    }

    /** Tells whether a byte of body was written (a text body, through the writer, is taken as written). */
    private static final class WatchedResponse extends HttpServletResponseWrapper {

        private boolean wrote;
        private ServletOutputStream stream;

        WatchedResponse(HttpServletResponse response) {
            super(response);
        }

        /** Written, or left to the container's error page ({@code sendError}), which writes the problem. */
        boolean wroteAnything() {
            return wrote;
        }

        @Override
        public void sendError(int status) throws IOException {
            wrote = true;
            super.sendError(status);
        }

        @Override
        public void sendError(int status, String message) throws IOException {
            wrote = true;
            super.sendError(status, message);
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            wrote = true;
            return super.getWriter();
        }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (stream == null) {
                ServletOutputStream body = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override
                    public void write(int b) throws IOException {
                        wrote = true;
                        body.write(b);
                    }

                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        wrote |= length > 0;
                        body.write(bytes, offset, length);
                    }

                    @Override
                    public void flush() throws IOException {
                        body.flush();
                    }

                    @Override
                    public void close() throws IOException {
                        body.close();
                    }

                    @Override
                    public boolean isReady() {
                        return body.isReady();
                    }

                    @Override
                    public void setWriteListener(WriteListener listener) {
                        body.setWriteListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
