package io.cdcharness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The terminal entry point: {@code ./cdc-harness up | run | doctor | consume}.
 *
 * <pre>
 * ./cdc-harness up --ports seed          # the seed's stack on 3306/9092/8083 until Ctrl-C
 * ./cdc-harness run features/seed        # run features, write reports/
 * ./cdc-harness run features --shard 2/3  # the second of three shards, into reports/shard-2-of-3
 * ./cdc-harness report merge reports/shard-*-of-3 --into reports   # join the shards' reports
 * ./cdc-harness doctor                   # pre-flight checks, one line each
 * </pre>
 */
@Command(name = "cdc-harness", mixinStandardHelpOptions = true, version = "cdc-harness 0.1.0",
        description = "Boot, check and test MySQL/MariaDB -> Debezium -> Kafka Connect -> Kafka pipelines.",
        subcommands = {UpCommand.class, RunCommand.class, DoctorCommand.class, ConsumeCommand.class, SqlCommand.class, MatrixCommand.class, DiffCommand.class, ReportCommand.class,
                TopicsCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        io.cdcharness.stack.HarnessLog.toConsole(); // a program owns its console: progress as [cdc-harness] lines
        System.exit(commandLine().execute(args));
    }

    static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler((exception, line, parseResult) -> {
            line.getErr().println(line.getColorScheme().errorText("cdc-harness: " + exception.getMessage()));
            return 2;
        });
        return commandLine;
    }

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
