package org.mlgraph.neo4j;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.io.ByteUnit;
import org.neo4j.kernel.internal.Version;

/**
 * Runs Neo4j Community as a local process with only the Bolt connector, for development and tests.
 *
 * <p>Arguments: {@code --home DIR --port N [--host 127.0.0.1] [--pagecache-mb 256] [--plugins DIR]}; with
 * {@code --plugins}, Neo4j loads the procedures of the jars there (APOC Core, see pom.xml). Prints one line
 * {@code MLGRAPH_NEO4J_READY bolt://host:port <version>} once the default database answers, then
 * serves until its standard input closes (the parent died or let go of it) or it gets SIGTERM; both
 * shut the database down cleanly.
 */
public final class LocalNeo4j {
    private LocalNeo4j() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> opts = parse(args);
        Path home = Path.of(require(opts, "home")).toAbsolutePath();
        String host = opts.getOrDefault("host", "127.0.0.1");
        int port = Integer.parseInt(require(opts, "port"));
        long pagecacheMb = Long.parseLong(opts.getOrDefault("pagecache-mb", "256"));
        String plugins = opts.get("plugins");

        Files.createDirectories(home);
        // Settings without a typed constant in the public API are passed by name through a file.
        Path conf = home.resolve("mlgraph-local.conf");
        Files.writeString(conf, String.join("\n",
                "dbms.routing.enabled=false",
                "dbms.usage_report.enabled=false",
                "server.bolt.telemetry.enabled=false",
                // Netty's default quiet periods add ~10 s to every stop; the store is already
                // checkpointed and closed by the time Bolt shuts down.
                "internal.dbms.bolt.netty_server_shutdown_quiet_period=0",
                "internal.dbms.bolt.netty_server_shutdown_timeout=2",
                // APOC's procedures (when --plugins brings them) run as Aura and the docker image run them.
                "dbms.security.procedures.unrestricted=apoc.*",
                // More settings, one "name=value" per line, for benchmarks and experiments.
                System.getenv().getOrDefault("NEO4J_LOCAL_SETTINGS", ""),
                ""), StandardCharsets.UTF_8);

        DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home)
                .loadPropertiesFromFile(conf)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress(host, port))
                .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pagecacheMb));
        if (plugins != null) {
            builder.setConfig(GraphDatabaseSettings.plugin_dir, Path.of(plugins).toAbsolutePath());
        }
        DatabaseManagementService dbms = builder.build();
        Runtime.getRuntime().addShutdownHook(new Thread(dbms::shutdown, "neo4j-shutdown"));

        GraphDatabaseService db = dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME);
        if (!db.isAvailable(TimeUnit.MINUTES.toMillis(5))) {
            System.err.println("MLGRAPH_NEO4J_FAILED database did not become available");
            System.exit(2);
        }
        System.out.println("MLGRAPH_NEO4J_READY bolt://" + host + ":" + port + " " + Version.getNeo4jVersion());
        System.out.flush();

        waitForStdinToClose(System.in);
        System.exit(0); // runs the shutdown hook
    }

    private static void waitForStdinToClose(InputStream in) {
        byte[] buf = new byte[256];
        try {
            while (in.read(buf) != -1) {
                // Input is ignored: only its end matters.
            }
        } catch (IOException e) {
            // A broken pipe means the parent is gone, the same as end of input.
        }
    }

    private static Map<String, String> parse(String[] args) {
        Map<String, String> opts = new LinkedHashMap<>();
        for (int i = 0; i + 1 < args.length; i += 2) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --name value pairs, got " + args[i]);
            }
            opts.put(args[i].substring(2), args[i + 1]);
        }
        return opts;
    }

    private static String require(Map<String, String> opts, String name) {
        String v = opts.get(name);
        if (v == null) {
            throw new IllegalArgumentException("missing --" + name);
        }
        return v;
    }
}
