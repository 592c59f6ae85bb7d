package zhuzhou.neo4j;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.io.ByteUnit;

/**
 * Runs Neo4j 5 community embedded with only a Bolt connector on 127.0.0.1.
 *
 * Usage: java -cp ... zhuzhou.neo4j.EmbeddedNeo4j --port 7687 --data DIR [--pagecache 128m]
 *        [--password-file FILE]
 *
 * With --password-file, Bolt requires authentication and the user neo4j gets the password in
 * FILE (written by the caller, mode 0600, on first start): any local user could otherwise run
 * any Cypher on 127.0.0.1. The password is applied on every start, so the file stays the truth.
 * Without it, Bolt runs without authentication (for callers that manage access otherwise).
 *
 * Prints one line "NEO4J_READY bolt://127.0.0.1:PORT" when the database has started, and stops
 * cleanly on SIGINT/SIGTERM (a JVM shutdown hook). Callers still confirm readiness with a driver
 * connectivity check: the line is a hint for humans, not the readiness contract.
 * Exit codes: 2 bad arguments, 3 port taken, 4 start failed.
 */
public final class EmbeddedNeo4j {
    private EmbeddedNeo4j() {}

    public static void main(String[] args) throws Exception {
        int port = 7687;
        Path data = Path.of("data", "neo4j");
        String pageCache = "128m";
        Path passwordFile = null;
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--port" -> { port = parsePort(value); i++; }
                case "--data" -> { data = Path.of(require(value, "--data")); i++; }
                case "--pagecache" -> { pageCache = require(value, "--pagecache"); i++; }
                case "--password-file" -> { passwordFile = Path.of(require(value, "--password-file")); i++; }
                default -> fail(2, "unknown argument " + args[i] + " (expected --port, --data, --pagecache, --password-file)");
            }
        }

        String password = null;
        if (passwordFile != null) {
            try {
                password = Files.readString(passwordFile).trim();
            } catch (IOException e) {
                fail(2, "cannot read the password file " + passwordFile + ": " + e.getMessage());
            }
            if (password == null || password.length() < 8) fail(2, "the password in " + passwordFile + " must have at least 8 characters");
        }

        ensurePortFree(port);
        Files.createDirectories(data);

        DatabaseManagementService dbms;
        try {
            dbms = new DatabaseManagementServiceBuilder(data.toAbsolutePath())
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(GraphDatabaseSettings.auth_enabled, password != null)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.parse(pageCache))
                    // Bolt waits 5 s for its worker pool and 5 s more for connections at shutdown
                    // by default; our callers close their drivers first, so Ctrl-C need not take 10 s.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .build();
        } catch (RuntimeException e) {
            fail(4, "Neo4j failed to start in " + data.toAbsolutePath() + ": " + rootMessage(e));
            return;
        }

        if (password != null) {
            try {
                // Embedded code runs with full access, so it can set the password Bolt clients need.
                dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME).executeTransactionally(
                        "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED", Map.of("password", password));
            } catch (RuntimeException e) {
                // Neo4j refuses to "change" a password to itself: on every start after the first,
                // that refusal means the password is already the one in the file.
                if (!rootMessage(e).contains("cannot be the same")) {
                    dbms.shutdown();
                    fail(4, "could not set the password of user neo4j: " + rootMessage(e));
                }
            }
        }

        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("NEO4J_STOPPING");
            dbms.shutdown();
            stopped.countDown();
        }, "neo4j-shutdown"));

        System.out.println("NEO4J_READY bolt://127.0.0.1:" + port);
        System.out.flush();
        stopped.await();
    }

    private static void ensurePortFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            probe.setReuseAddress(true);
        } catch (IOException e) {
            fail(3, "port 127.0.0.1:" + port + " is already in use; set NEO4J_PORT to a free port"
                    + " or stop the process holding it");
        }
    }

    private static int parsePort(String value) {
        try {
            int port = Integer.parseInt(require(value, "--port"));
            if (port < 1 || port > 65535) throw new NumberFormatException();
            return port;
        } catch (NumberFormatException e) {
            fail(2, "--port must be a number from 1 to 65535, got " + value);
            return -1;
        }
    }

    private static String require(String value, String flag) {
        if (value == null) fail(2, flag + " needs a value");
        return value;
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) t = t.getCause();
        return t.getClass().getSimpleName() + ": " + t.getMessage();
    }

    private static void fail(int code, String message) {
        System.err.println("NEO4J_ERROR " + message);
        System.exit(code);
    }
}
