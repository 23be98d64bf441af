package io.procnet.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;

/**
 * HTTP/1.1 over a plain socket, so tests send exactly the request line and headers they mean (a
 * forged Host, an encoded {@code ..}, any method), which URL-normalising clients would not.
 */
public final class RawHttp {
    private RawHttp() {
    }

    /** A response: status, headers (names in lower case) and body (un-gzipped when it was gzip). */
    public record Response(int status, Map<String, String> headers, byte[] rawBody) {
        public String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        public byte[] body() {
            if (!"gzip".equals(header("content-encoding"))) {
                return rawBody;
            }
            try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(rawBody))) {
                return in.readAllBytes();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        public String text() {
            return new String(body(), StandardCharsets.UTF_8);
        }
    }

    public static Response get(InetSocketAddress server, String target) throws IOException {
        return request(server, "GET", target, Map.of());
    }

    /** Sends one request; {@code Host} is the server's address unless {@code headers} names one. */
    public static Response request(InetSocketAddress server, String method, String target, Map<String, String> headers)
            throws IOException {
        StringBuilder request = new StringBuilder(method).append(' ').append(target).append(" HTTP/1.1\r\n");
        if (headers.keySet().stream().noneMatch(name -> name.equalsIgnoreCase("Host"))) {
            request.append("Host: ").append(hostOf(server)).append("\r\n");
        }
        headers.forEach((name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
        request.append("Connection: close\r\n\r\n");
        return raw(server, request.toString());
    }

    /**
     * Sends {@code head} exactly as given (request line and headers, ending with the blank line),
     * for requests {@link #request} will not make, such as one without a {@code Host}.
     */
    public static Response raw(InetSocketAddress server, String head) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(server, 5000);
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.getBytes(StandardCharsets.UTF_8));
            out.flush();
            return read(socket.getInputStream(), head.startsWith("HEAD "));
        }
    }

    public static String hostOf(InetSocketAddress server) {
        String address = server.getAddress().getHostAddress();
        return (address.contains(":") ? "[" + address + "]" : address) + ":" + server.getPort();
    }

    /** An event stream's response headers (names in lower case) and its body, un-chunked and un-gzipped. */
    public record EventStreamBody(Map<String, String> headers, InputStream body) {
    }

    /**
     * Asks for {@code /api/events} on a connected socket and reads up to the body.
     *
     * @param lastEventId the Last-Event-ID to send, or null
     * @throws IOException when the answer is not 200, or not gzip when gzip was asked for
     */
    public static EventStreamBody openEventStream(Socket socket, InetSocketAddress server, boolean gzip,
                                                  String lastEventId) throws IOException {
        StringBuilder request = new StringBuilder("GET /api/events HTTP/1.1\r\nHost: ")
                .append(hostOf(server)).append("\r\nAccept: text/event-stream\r\n");
        if (gzip) {
            request.append("Accept-Encoding: gzip, deflate\r\n");
        }
        if (lastEventId != null) {
            request.append("Last-Event-ID: ").append(lastEventId).append("\r\n");
        }
        OutputStream out = socket.getOutputStream();
        out.write(request.append("\r\n").toString().getBytes(StandardCharsets.UTF_8));
        out.flush();
        InputStream in = socket.getInputStream();
        int[] status = new int[1];
        Map<String, String> headers = readHead(in, status);
        if (status[0] != 200) {
            throw new IOException("the event stream answered " + status[0]);
        }
        InputStream body = "chunked".equalsIgnoreCase(headers.get("transfer-encoding")) ? new Chunks(in) : in;
        if ("gzip".equals(headers.get("content-encoding"))) {
            body = new GZIPInputStream(body, 16 * 1024);
        } else if (gzip) {
            throw new IOException("asked for gzip, got " + headers.get("content-encoding"));
        }
        return new EventStreamBody(headers, body);
    }

    /** Reads the status line and headers. */
    public static Map<String, String> readHead(InputStream in, int[] status) throws IOException {
        String statusLine = line(in);
        status[0] = Integer.parseInt(statusLine.split(" ")[1]);
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); !line.isEmpty(); line = line(in)) {
            int colon = line.indexOf(':');
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.merge(name, value, (a, b) -> a + ", " + b);
        }
        return headers;
    }

    private static Response read(InputStream in, boolean head) throws IOException {
        int[] status = new int[1];
        Map<String, String> headers = readHead(in, status);
        byte[] body;
        if (head || status[0] == 304 || status[0] == 204) {
            body = new byte[0];
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            body = new Chunks(in).readAllBytes();
        } else if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else {
            body = in.readAllBytes();
        }
        return new Response(status[0], headers, body);
    }

    static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the connection closed in the middle of a line: " + line);
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    /** The body of a chunked response, as a stream that gives each chunk as soon as it arrives. */
    public static final class Chunks extends InputStream {
        private final InputStream in;
        private int left;
        private boolean done;

        public Chunks(InputStream in) {
            this.in = in;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (done) {
                return -1;
            }
            if (left == 0) {
                String size = line(in);
                left = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (left == 0) {
                    done = true;
                    line(in);
                    return -1;
                }
            }
            int read = in.read(buffer, offset, Math.min(length, left));
            if (read < 0) {
                throw new IOException("the connection closed inside a chunk");
            }
            left -= read;
            if (left == 0) {
                line(in); // the CRLF after the chunk
            }
            return read;
        }

        @Override
        public int available() throws IOException {
            return Math.min(left, in.available());
        }
    }
}
