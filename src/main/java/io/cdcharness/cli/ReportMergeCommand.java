package io.cdcharness.cli;

import io.cdcharness.report.ReportMerge;
import io.cdcharness.stack.HarnessLog;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code report merge DIR... --into DIR}: {@link ReportMerge} on the command line. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = "Join the reports of the shards of a run (run --shard i/n) into one directory: cucumber.json, cucumber-junit.xml, "
                + "the CDC report (index.html) with every scenario and evidence folder, and an index of each shard's Cucumber HTML report.")
final class ReportMergeCommand implements Callable<Integer> {
    @Parameters(paramLabel = "DIR", arity = "1..*", description = "the shards' reports directories, e.g. reports/shard-1-of-3 reports/shard-2-of-3 ...")
    List<Path> dirs = new ArrayList<>();

    @Option(names = "--into", paramLabel = "DIR", required = true, description = "where the joined reports go, e.g. reports")
    Path into;

    @Override
    public Integer call() {
        ReportMerge.Result result = ReportMerge.merge(dirs, into);
        result.warnings().forEach(HarnessLog::warn);
        HarnessLog.info(result.summary());
        return 0;
    }
}
