package io.cdcharness.shard;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ShardTest {

    @Test
    void readsIOfN() {
        assertThat(Shard.parse("2/4", "--shard")).isEqualTo(new Shard(2, 4));
        assertThat(Shard.parse(" 1 / 1 ", "--shard")).isEqualTo(new Shard(1, 1));
        assertThat(Shard.parse("3/3", "--shard")).hasToString("3/3");
    }

    @Test
    void shardZeroDoesNotExist() {
        assertThatThrownBy(() -> Shard.parse("0/3", "--shard")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("--shard \"0/3\": shards are counted from 1 to 3, so there is no shard 0. "
                        + "Write it as i/n, the i-th of n shards counted from 1, e.g. 2/4 (1 <= i <= n).");
    }

    @Test
    void aShardPastTheCountDoesNotExist() {
        assertThatThrownBy(() -> Shard.parse("3/2", "--shard"))
                .hasMessageStartingWith("--shard \"3/2\": there are only 2 shards, so there is no shard 3. Write it as i/n");
        assertThatThrownBy(() -> Shard.parse("2/1", "-Dcdc.shard"))
                .hasMessageStartingWith("-Dcdc.shard \"2/1\": there are only 1 shard, so there is no shard 2.");
    }

    @Test
    void zeroShardsIsRefused() {
        assertThatThrownBy(() -> Shard.parse("1/0", "--shard")).hasMessageStartingWith("--shard \"1/0\": a suite is split into at least 1 shard, not 0.");
    }

    @Test
    void anythingElseIsNotAShard() {
        for (String text : new String[] {"x", "2", "2/", "/4", "-1/3", "1/3/4", "a/b", "1.5/3", "9999999/9999999"}) {
            assertThatThrownBy(() -> Shard.parse(text, "--shard")).as(text)
                    .hasMessage("--shard \"" + text + "\" is not a shard. Write it as i/n, the i-th of n shards counted from 1, e.g. 2/4 (1 <= i <= n).");
        }
        assertThatThrownBy(() -> Shard.parse(" ", "--shard")).hasMessageStartingWith("--shard \" \" is empty. Write it as i/n");
        assertThatThrownBy(() -> Shard.parse(null, "--shard")).hasMessageStartingWith("--shard \"\" is empty.");
    }
}
