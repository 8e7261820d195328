package nl.horizon.streams;

import org.apache.kafka.streams.processor.api.MockProcessorContext;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PublishTimeTest {

    @Test
    void isTheStreamTimeWhenTheTaskKnowsOne() {
        MockProcessorContext<String, String> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(9_000_000L);
        context.setCurrentStreamTimeMs(1_234L);
        assertThat(PublishTime.of(context)).isEqualTo(1_234L);
    }

    /** A negative timestamp would make Kafka refuse the record and stop the stream thread. */
    @Test
    void isTheWallClockWhileTheTaskKnowsNoStreamTime() {
        MockProcessorContext<String, String> context = new MockProcessorContext<>();
        context.setCurrentSystemTimeMs(9_000_000L);
        context.setCurrentStreamTimeMs(-1L);
        assertThat(PublishTime.of(context)).isEqualTo(9_000_000L);
    }
}
