package eu.haven.web;

import java.net.InetSocketAddress;
import java.net.SocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jetty.io.Connection;

/**
 * At most {@code perAddress} open connections from one address; more are closed as they open.
 * Trusted reverse proxies carry everyone's requests and are not limited.
 */
final class ConnectionLimit implements Connection.Listener {
    private final int perAddress;
    private final ClientAddress clients;
    private final Map<String, AtomicInteger> open = new ConcurrentHashMap<>();
    private final Map<Connection, String> counted = new ConcurrentHashMap<>();

    ConnectionLimit(int perAddress, ClientAddress clients) {
        this.perAddress = perAddress;
        this.clients = clients;
    }

    @Override
    public void onOpened(Connection connection) {
        String address = address(connection.getEndPoint().getRemoteSocketAddress());
        if (address.isEmpty() || clients.trusts(address)) {
            return;
        }
        int now = open.computeIfAbsent(address, a -> new AtomicInteger()).incrementAndGet();
        counted.put(connection, address);
        if (now > perAddress) {
            connection.getEndPoint().close();
        }
    }

    @Override
    public void onClosed(Connection connection) {
        String address = counted.remove(connection);
        if (address != null) {
            open.computeIfPresent(address, (a, n) -> n.decrementAndGet() <= 0 ? null : n);
        }
    }

    private static String address(SocketAddress remote) {
        return remote instanceof InetSocketAddress inet && inet.getAddress() != null ? inet.getAddress().getHostAddress() : "";
    }
}
