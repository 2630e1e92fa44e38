package io.cdcharness.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * Work on reports that runs wrote: {@code report merge} joins the shards' reports.
 *
 * <pre>
 * ./cdc-harness report merge reports/shard-1-of-3 reports/shard-2-of-3 reports/shard-3-of-3 --into reports
 * </pre>
 */
@Command(name = "report", mixinStandardHelpOptions = true, description = "Work on the reports runs wrote (merge: join the shards' reports).",
        subcommands = {ReportMergeCommand.class})
final class ReportCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
