package org.ordinateurssolidaires.testing;

import java.io.InputStream;
import java.util.Arrays;

/** An upload that never ends, counting what was read of it: proves a reader stops at its bound. */
public final class EndlessUpload extends InputStream {

    private final byte filler;
    private long read;

    public EndlessUpload(char filler) {
        this.filler = (byte) filler;
    }

    @Override
    public int read() {
        read++;
        return filler;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
        Arrays.fill(buffer, offset, offset + length, filler);
        read += length;
        return length;
    }

    public long bytesRead() {
        return read;
    }
}
