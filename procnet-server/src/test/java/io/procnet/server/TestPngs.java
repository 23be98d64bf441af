package io.procnet.server;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.zip.CRC32;
import java.util.zip.Deflater;

/**
 * Valid PNGs made in memory (the module does not read java.desktop, so no ImageIO): RGB pixels of
 * noise from a seed, stored without compression, so each seed gives different bytes and the file
 * is about {@code 3 * width * height} bytes long.
 */
public final class TestPngs {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    private TestPngs() {
    }

    public static byte[] png(int width, int height, long seed) {
        Random random = new Random(seed);
        byte[] pixels = new byte[height * (1 + 3 * width)];
        for (int row = 0; row < height; row++) {
            int start = row * (1 + 3 * width);
            pixels[start] = 0; // filter: none
            for (int i = 1; i <= 3 * width; i++) {
                pixels[start + i] = (byte) random.nextInt(256);
            }
        }
        ByteBuffer header = ByteBuffer.allocate(13).putInt(width).putInt(height)
                .put((byte) 8).put((byte) 2).put((byte) 0).put((byte) 0).put((byte) 0);
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        png.writeBytes(SIGNATURE);
        chunk(png, "IHDR", header.array());
        chunk(png, "IDAT", deflate(pixels));
        chunk(png, "IEND", new byte[0]);
        return png.toByteArray();
    }

    /** A 2×2 icon. */
    public static byte[] small(long seed) {
        return png(2, 2, seed);
    }

    private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
        byte[] name = type.getBytes(StandardCharsets.US_ASCII);
        CRC32 crc = new CRC32();
        crc.update(name);
        crc.update(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
        png.writeBytes(name);
        png.writeBytes(data);
        png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
    }

    private static byte[] deflate(byte[] data) {
        Deflater deflater = new Deflater(Deflater.NO_COMPRESSION);
        deflater.setInput(data);
        deflater.finish();
        ByteArrayOutputStream out = new ByteArrayOutputStream(data.length + 64);
        byte[] buffer = new byte[8192];
        while (!deflater.finished()) {
            out.write(buffer, 0, deflater.deflate(buffer));
        }
        deflater.end();
        return out.toByteArray();
    }
}
