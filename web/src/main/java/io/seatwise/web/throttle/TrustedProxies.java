package io.seatwise.web.throttle;

import jakarta.servlet.ServletException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.springframework.security.web.util.matcher.IpAddressMatcher;

/**
 * Which address a request comes from. Behind a proxy, every request comes from the proxy, which names the client in
 * {@code X-Forwarded-For} (or {@code Forwarded}); but anyone can send those headers, and a client that could choose
 * its address would escape every throttle. So they count only from the proxies the operator names
 * ({@code SEATWISE_TRUSTED_PROXIES}: addresses and CIDR ranges, none by default). From any other peer every forwarded
 * header is removed before anything reads it, and the socket's address is the client's. From a trusted proxy the
 * client is the last address of the chain that is not itself a trusted proxy: what stands left of it was written by
 * the client and proves nothing.
 *
 * <p>A valve at the head of Tomcat's pipeline, in front of Tomcat's own {@code RemoteIpValve}
 * ({@code server.forward-headers-strategy: native}), which believes what is left, one client address, and so sets the
 * request's address, scheme and secure flag as usual (Secure cookies, HSTS).
 */
final class TrustedProxies extends ValveBase {

    /** Every header that Tomcat's valve or Spring's forwarded-header support would believe. */
    static final List<String> FORWARDED_HEADERS = List.of(
            "Forwarded",
            "X-Forwarded-For",
            "X-Forwarded-Proto",
            "X-Forwarded-Host",
            "X-Forwarded-Port",
            "X-Forwarded-Prefix",
            "X-Forwarded-Ssl",
            "X-Forwarded-By");

    private final List<IpAddressMatcher> proxies;

    /** The proxies as addresses or CIDR ranges ({@code 10.0.0.7}, {@code 10.0.0.0/8}, {@code fd00::/8}). */
    TrustedProxies(List<String> proxies) {
        super(true);
        this.proxies = proxies.stream()
                .filter(proxy -> !proxy.isBlank())
                .map(TrustedProxies::matcher)
                .toList();
    }

    private static IpAddressMatcher matcher(String proxy) {
        try {
            return new IpAddressMatcher(proxy.strip());
        } catch (IllegalArgumentException notAnAddress) {
            throw new IllegalArgumentException(
                    "SEATWISE_TRUSTED_PROXIES holds addresses and CIDR ranges (10.0.0.7, 10.0.0.0/8), not " + proxy,
                    notAnAddress);
        }
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        var headers = request.getCoyoteRequest().getMimeHeaders();
        if (!trusted(request.getRemoteAddr())) {
            FORWARDED_HEADERS.forEach(headers::removeHeader);
        } else {
            List<String> forwarded = Collections.list(request.getHeaders("X-Forwarded-For"));
            var proto = request.getHeader("X-Forwarded-Proto");
            if (forwarded.isEmpty() && request.getHeader("Forwarded") != null) {
                var elements = Collections.list(request.getHeaders("Forwarded"));
                forwarded = List.of(String.join(",", ForwardedHeader.addresses(elements)));
                if (proto == null) {
                    proto = ForwardedHeader.lastProto(elements);
                }
            }
            var client = client(forwarded);
            headers.removeHeader("Forwarded");
            if (client == null) {
                headers.removeHeader("X-Forwarded-For");
            } else {
                headers.setValue("X-Forwarded-For").setString(client);
            }
            if (proto != null) {
                headers.setValue("X-Forwarded-Proto").setString(proto.strip().toLowerCase(Locale.ROOT));
            }
        }
        getNext().invoke(request, response);
    }

    /** The rightmost address that is no trusted proxy; null when the chain is empty or names no address there. */
    private String client(List<String> headerValues) {
        var chain = new ArrayList<String>();
        headerValues.forEach(value -> {
            for (var entry : value.split(",")) {
                if (!entry.isBlank()) {
                    chain.add(entry.strip());
                }
            }
        });
        for (int i = chain.size() - 1; i >= 0; i--) {
            var address = chain.get(i);
            if (!isAddress(address)) {
                return null;
            }
            if (i == 0 || !trusted(address)) {
                return address;
            }
        }
        return null;
    }

    boolean trusted(String address) {
        return !proxies.isEmpty() && isAddress(address) && proxies.stream().anyMatch(proxy -> proxy.matches(address));
    }

    /** An IP address as written, never a host name, which would have to be looked up. */
    private static boolean isAddress(String text) {
        if (text == null || text.isEmpty() || text.contains("/")) {
            return false;
        }
        try {
            new IpAddressMatcher(text);
            return true;
        } catch (IllegalArgumentException notAnAddress) {
            return false;
        }
    }

    /** The parts of RFC 7239's {@code Forwarded} header that say who the client is and how it came. */
    static final class ForwardedHeader {

        private ForwardedHeader() {}

        /** Each element's {@code for}, in order, as a plain address (no quotes, brackets or port); or "unknown". */
        static List<String> addresses(List<String> headerValues) {
            var addresses = new ArrayList<String>();
            for (var element : elements(headerValues)) {
                addresses.add(address(parameter(element, "for")));
            }
            return addresses;
        }

        /** The {@code proto} of the last element, which the nearest proxy wrote; null without one. */
        static String lastProto(List<String> headerValues) {
            var elements = elements(headerValues);
            return elements.isEmpty() ? null : parameter(elements.get(elements.size() - 1), "proto");
        }

        private static List<String> elements(List<String> headerValues) {
            var elements = new ArrayList<String>();
            headerValues.forEach(value -> {
                for (var element : value.split(",")) {
                    if (!element.isBlank()) {
                        elements.add(element.strip());
                    }
                }
            });
            return elements;
        }

        private static String parameter(String element, String name) {
            for (var pair : element.split(";")) {
                var equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).strip().equalsIgnoreCase(name)) {
                    var value = pair.substring(equals + 1).strip();
                    return value.length() > 1 && value.startsWith("\"") && value.endsWith("\"")
                            ? value.substring(1, value.length() - 1)
                            : value;
                }
            }
            return null;
        }

        private static String address(String node) {
            if (node == null) {
                return "unknown";
            }
            if (node.startsWith("[")) {
                var end = node.indexOf(']');
                return end < 0 ? "unknown" : node.substring(1, end);
            }
            var colon = node.indexOf(':');
            return colon > 0 && colon == node.lastIndexOf(':') ? node.substring(0, colon) : node;
        }
    }
}
