package io.procnet.server.internal.http;

import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import io.undertow.server.handlers.Cookie;
import io.undertow.server.handlers.CookieImpl;
import io.undertow.util.Headers;
import io.undertow.util.HttpString;
import io.undertow.util.Methods;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Deque;

/**
 * The one chain of checks around every endpoint, in this order: the security headers go on every
 * response; a {@code Host} the server is not reached by gets 403; without the token (when there is
 * one) 401; a method other than GET and HEAD 405. The token is taken from
 * {@code Authorization: Bearer}, from the cookie, or once from {@code ?token=}, which is answered
 * with the cookie and a redirect to the same URL without the token (so it does not stay in the
 * address bar or the history).
 */
public final class SecurityHandler implements HttpHandler {
    /**
     * Scripts from here and from the CDN the page falls back to; no inline script. Inline styles are
     * allowed because vis-network's bundle adds its stylesheet as a style element; nothing from the
     * data ever reaches the page as markup, so they carry no data.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'none'; script-src 'self' "
            + VendorFiles.CDN_ORIGIN + "; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

    private static final HttpString CSP = new HttpString("Content-Security-Policy");
    private static final HttpString NOSNIFF = new HttpString("X-Content-Type-Options");
    private static final HttpString REFERRER = new HttpString("Referrer-Policy");
    private static final HttpString FRAME = new HttpString("X-Frame-Options");

    private final HostCheck hosts;
    private final TokenCheck token;
    private final HttpHandler next;

    /** @param token the token every request needs, or null when the server is on loopback only */
    public SecurityHandler(HostCheck hosts, TokenCheck token, HttpHandler next) {
        this.hosts = hosts;
        this.token = token;
        this.next = next;
    }

    @Override
    public void handleRequest(HttpServerExchange exchange) throws Exception {
        var headers = exchange.getResponseHeaders();
        headers.put(CSP, CONTENT_SECURITY_POLICY);
        headers.put(NOSNIFF, "nosniff");
        headers.put(REFERRER, "no-referrer");
        headers.put(FRAME, "DENY");
        if (!hosts.allows(exchange.getRequestHeaders().getFirst(Headers.HOST))) {
            Responses.error(exchange, 403, "this server does not answer to the host name "
                    + exchange.getRequestHeaders().getFirst(Headers.HOST));
            return;
        }
        if (token != null && !authorized(exchange)) {
            return;
        }
        HttpString method = exchange.getRequestMethod();
        if (!method.equals(Methods.GET) && !method.equals(Methods.HEAD)) {
            headers.put(Headers.ALLOW, "GET, HEAD");
            Responses.error(exchange, 405, "method " + method + " is not allowed: only GET and HEAD");
            return;
        }
        next.handleRequest(exchange);
    }

    /** Whether the request carries the token; when it does not, the 401 or the redirect is sent. */
    private boolean authorized(HttpServerExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst(Headers.AUTHORIZATION);
        if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                && token.matches(authorization.substring(7).trim())) {
            return true;
        }
        Cookie cookie = exchange.getRequestCookie(TokenCheck.COOKIE);
        if (cookie != null && token.matches(cookie.getValue())) {
            return true;
        }
        Deque<String> query = exchange.getQueryParameters().get("token");
        if (query != null && token.matches(query.peekFirst())) {
            exchange.setResponseCookie(new CookieImpl(TokenCheck.COOKIE, query.peekFirst())
                    .setHttpOnly(true).setSameSiteMode("Strict").setPath("/"));
            exchange.setStatusCode(303);
            exchange.getResponseHeaders().put(Headers.LOCATION, withoutToken(exchange));
            exchange.endExchange();
            return false;
        }
        exchange.getResponseHeaders().put(Headers.WWW_AUTHENTICATE, "Bearer");
        Responses.error(exchange, 401, authorization != null || cookie != null || query != null
                ? "wrong token" : "this server needs its token: open the URL it printed, or send Authorization: Bearer");
        return false;
    }

    private static String withoutToken(HttpServerExchange exchange) {
        String path = exchange.getRequestURI();
        // "//host/..." would send the browser to another host
        StringBuilder location = new StringBuilder(path.startsWith("//") || !path.startsWith("/") ? "/" : path);
        String query = exchange.getQueryString();
        if (query != null && !query.isEmpty()) {
            char separator = '?';
            for (String parameter : query.split("&")) {
                if (!parameter.isEmpty() && !isToken(parameter)) {
                    location.append(separator).append(parameter);
                    separator = '&';
                }
            }
        }
        return location.toString();
    }

    /** Whether a raw query parameter is {@code token}, by its decoded name as Undertow reads it ({@code to%6Ben=}). */
    private static boolean isToken(String parameter) {
        int equals = parameter.indexOf('=');
        String name = equals < 0 ? parameter : parameter.substring(0, equals);
        try {
            return URLDecoder.decode(name, StandardCharsets.UTF_8).equals("token");
        } catch (IllegalArgumentException e) {
            return false; // a broken escape is no name Undertow decodes to "token" either
        }
    }
}
