package io.cdcharness.cli;

import io.cdcharness.golden.UpgradeDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.concurrent.Callable;

/** The upgrade diff between two topic recordings ({@code cdc.record.dir}, or matrix's {@code reports/matrix/VERSION/topics}). */
@Command(name = "diff", mixinStandardHelpOptions = true,
        description = "Show what changed per topic between two recordings of the same scenarios (e.g. reports/matrix/1.5.0.Final/topics and reports/matrix/3.4.0.Final/topics).")
final class DiffCommand implements Callable<Integer> {
    @Parameters(index = "0", paramLabel = "RECORDING_A")
    Path a;

    @Parameters(index = "1", paramLabel = "RECORDING_B")
    Path b;

    @Override
    public Integer call() {
        System.out.print(UpgradeDiff.between(name(a), a, name(b), b).markdown());
        return 0;
    }

    private static String name(Path recording) {
        Path absolute = recording.toAbsolutePath().normalize();
        return absolute.getFileName().toString().equals("topics") && absolute.getParent() != null
                ? absolute.getParent().getFileName().toString() : absolute.getFileName().toString();
    }
}
