package io.cdcharness.cli;

import io.cdcharness.stack.Settings;
import picocli.CommandLine.Option;

/** Options shared by the commands that start a stack; each one sets the matching cdc.* setting. */
final class StackOptions {
    @Option(names = "--database", paramLabel = "mysql|mariadb", description = "database flavour (cdc.database; default mysql)")
    String database;

    @Option(names = "--stack", paramLabel = "embedded", description = "which stack (cdc.stack; default embedded)")
    String stack;

    @Option(names = "--fixtures", paramLabel = "DIR", description = "fixtures directory (cdc.fixtures.dir; default fixtures)")
    String fixtures;

    Settings apply(Settings settings) {
        Settings result = settings;
        if (database != null) {
            result = result.with(Settings.Key.DATABASE.property(), database);
        }
        if (stack != null) {
            result = result.with(Settings.Key.STACK.property(), stack);
        }
        if (fixtures != null) {
            result = result.with(Settings.Key.FIXTURES_DIR.property(), fixtures);
        }
        result.database(); // fail early with the explained message for a wrong value
        result.stack();
        return result;
    }
}
