package org.ordinateurssolidaires.query.inventory;

import com.lowagie.text.Document;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfWriter;
import io.nayuki.qrcodegen.QrCode;
import org.ordinateurssolidaires.query.inventory.InventoryQueries.ListedDevice;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.function.Function;

/**
 * Printable A4 sheets of device labels, 3 columns by 8 rows of 70 × 37 mm (the common "24 per sheet" stock): on
 * each, a QR code that opens the device's page, the asset tag in large type (never broken across lines: it is
 * shrunk to fit instead), and what the device is. The QR code is drawn as vector squares, sharp at any printer's
 * resolution, with its four-module quiet zone.
 */
final class LabelSheets {

    private static final float MM = 72f / 25.4f;
    private static final int COLUMNS = 3;
    private static final int ROWS = 8;
    private static final float WIDTH = 70 * MM;
    private static final float HEIGHT = 37 * MM;
    private static final float TOP = PageSize.A4.getHeight() - (PageSize.A4.getHeight() - ROWS * HEIGHT) / 2;
    private static final float PADDING = 3 * MM;
    private static final float QR_SIZE = HEIGHT - 2 * PADDING;
    private static final int QUIET_ZONE = 4;

    private LabelSheets() {
    }

    /**
     * @param devices at least one
     * @param pageOf  the address of a device's page, as its QR code opens it
     * @param caption the second line of a label: what the device is, in the reader's language
     */
    static byte[] of(List<ListedDevice> devices, Function<ListedDevice, String> pageOf,
                     Function<ListedDevice, String> caption, String programme) {
        ByteArrayOutputStream pdf = new ByteArrayOutputStream();
        Document document = new Document(PageSize.A4, 0, 0, 0, 0);
        PdfWriter writer = PdfWriter.getInstance(document, pdf);
        document.open();
        BaseFont bold = font(BaseFont.HELVETICA_BOLD);
        BaseFont plain = font(BaseFont.HELVETICA);
        PdfContentByte canvas = writer.getDirectContent();
        for (int i = 0; i < devices.size(); i++) {
            int slot = i % (COLUMNS * ROWS);
            if (i > 0 && slot == 0) {
                document.newPage();
            }
            float left = (slot % COLUMNS) * WIDTH;
            float bottom = TOP - (slot / COLUMNS + 1) * HEIGHT;
            ListedDevice device = devices.get(i);
            qrCode(canvas, QrCode.encodeText(pageOf.apply(device), QrCode.Ecc.MEDIUM), left + PADDING,
                    bottom + PADDING);
            float textLeft = left + PADDING + QR_SIZE + 2 * MM;
            float textWidth = left + WIDTH - PADDING - textLeft;
            text(canvas, bold, device.assetTag(), textLeft, bottom + HEIGHT - PADDING - 14, textWidth, 14);
            text(canvas, plain, caption.apply(device), textLeft, bottom + HEIGHT - PADDING - 28, textWidth, 7);
            text(canvas, plain, programme, textLeft, bottom + PADDING, textWidth, 6);
        }
        document.close();
        return pdf.toByteArray();
    }

    private static void qrCode(PdfContentByte canvas, QrCode code, float left, float bottom) {
        float module = QR_SIZE / (code.size + 2 * QUIET_ZONE);
        canvas.setRGBColorFill(0, 0, 0);
        for (int y = 0; y < code.size; y++) {
            for (int x = 0; x < code.size; x++) {
                if (code.getModule(x, y)) {
                    canvas.rectangle(left + (x + QUIET_ZONE) * module,
                            bottom + QR_SIZE - (y + QUIET_ZONE + 1) * module, module, module);
                }
            }
        }
        canvas.fill();
    }

    /** One line, at {@code size} points or smaller: shrunk until it fits, never wrapped. */
    private static void text(PdfContentByte canvas, BaseFont font, String line, float left, float baseline,
                             float width, float size) {
        float fitting = Math.min(size, size * width / Math.max(1, font.getWidthPoint(line, size)));
        canvas.beginText();
        canvas.setFontAndSize(font, fitting);
        canvas.setTextMatrix(left, baseline);
        canvas.showText(line);
        canvas.endText();
    }

    private static BaseFont font(String name) {
        try {
            return BaseFont.createFont(name, BaseFont.WINANSI, BaseFont.NOT_EMBEDDED);
        } catch (java.io.IOException builtIn) {
            throw new java.io.UncheckedIOException(builtIn);
        }
    }
}
