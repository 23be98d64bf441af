package io.procnet.server.internal.http;

import io.undertow.server.HttpServerExchange;
import java.io.IOException;

/** {@code /}, the page's files, {@code /vendor/...} and {@code /icons/...}. */
public final class FileEndpoints {
    private final PageFiles page;
    private final VendorFiles vendor;
    private final IconFiles icons;

    public FileEndpoints(PageFiles page, VendorFiles vendor, IconFiles icons) {
        this.page = page;
        this.vendor = vendor;
        this.icons = icons;
    }

    /** The vis-network served now, for the log. */
    public String vendor() {
        return vendor.describe();
    }

    public void page(HttpServerExchange exchange, String name) {
        Responses.sendOr404(exchange, page.file(name.isEmpty() ? PageFiles.INDEX : name), "no such path: /" + name);
    }

    public void vendor(HttpServerExchange exchange, String name) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(dispatched -> vendor(dispatched, name)); // it reads the vendor dir's manifest
            return;
        }
        Responses.sendOr404(exchange, name.equals(VendorFiles.MANIFEST) ? vendor.manifest() : vendor.file(name),
                "no vendor file " + name);
    }

    public void icon(HttpServerExchange exchange, String name) {
        if (exchange.isInIoThread()) {
            exchange.dispatch(dispatched -> icon(dispatched, name)); // it may read a file
            return;
        }
        Body body;
        try {
            body = icons.icon(name);
        } catch (IllegalArgumentException e) {
            Responses.error(exchange, 400, e.getMessage());
            return;
        } catch (IOException e) {
            Responses.error(exchange, 500, "cannot read the icon " + name + ": " + e.getMessage());
            return;
        }
        Responses.sendOr404(exchange, body, "no icon for " + name + " and no " + IconFiles.FALLBACK + ".png");
    }
}
