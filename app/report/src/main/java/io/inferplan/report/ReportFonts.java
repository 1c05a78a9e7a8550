package io.inferplan.report;

import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.GraphicsEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The bundled DejaVu Sans (regular and bold, Bitstream Vera licence: fonts/LICENSE-DejaVu.txt). Embedded in every
 * PDF so that it reads the same on any reader, and registered with Java2D so that the charts measure their text
 * with the same font the PDF then shows, on a server with no fonts installed too.
 */
public final class ReportFonts {
    public static final String REGULAR = "fonts/DejaVuSans.ttf";
    public static final String BOLD = "fonts/DejaVuSans-Bold.ttf";
    private static volatile boolean registered;

    private ReportFonts() {
    }

    public static InputStream open(String name) {
        InputStream in = ReportFonts.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("the bundled font " + name + " is missing from the report module");
        }
        return in;
    }

    /** Makes "DejaVu Sans" (ChartStyle's family) known to Java2D, once. */
    public static void registerWithJava2D() {
        if (registered) {
            return;
        }
        synchronized (ReportFonts.class) {
            if (registered) {
                return;
            }
            GraphicsEnvironment environment = GraphicsEnvironment.getLocalGraphicsEnvironment();
            for (String name : new String[] {REGULAR, BOLD}) {
                try (InputStream in = open(name)) {
                    environment.registerFont(Font.createFont(Font.TRUETYPE_FONT, in));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                } catch (FontFormatException e) {
                    throw new IllegalStateException("the bundled font " + name + " cannot be read", e);
                }
            }
            registered = true;
        }
    }
}
