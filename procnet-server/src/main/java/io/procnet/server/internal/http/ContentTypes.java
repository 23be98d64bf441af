package io.procnet.server.internal.http;

/** The content types the server sends. */
public final class ContentTypes {
    public static final String JSON = "application/json";
    public static final String HTML = "text/html; charset=utf-8";
    public static final String JAVASCRIPT = "text/javascript; charset=utf-8";
    public static final String CSS = "text/css; charset=utf-8";
    public static final String PNG = "image/png";
    public static final String TEXT = "text/plain; charset=utf-8";
    public static final String EVENT_STREAM = "text/event-stream; charset=utf-8";

    private ContentTypes() {
    }

    /** The type of a file served by name, or null for a kind the server does not serve. */
    public static String ofFileName(String name) {
        int dot = name.lastIndexOf('.');
        String extension = dot < 0 ? "" : name.substring(dot + 1);
        switch (extension) {
            case "html":
                return HTML;
            case "js":
                return JAVASCRIPT;
            case "css":
                return CSS;
            case "png":
                return PNG;
            case "json":
                return JSON;
            case "txt":
                return TEXT;
            default:
                return null;
        }
    }
}
