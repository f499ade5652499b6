package tickbus.feed.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import tickbus.Addresses;
import tickbus.event.BookUpdate;
import tickbus.event.FeedState;
import tickbus.event.MarketEvent;
import tickbus.event.Quote;
import tickbus.feed.SubscriptionState;
import tickbus.sim.fixml.FixmlSimServer;
import tickbus.sim.fixml.FixmlSimSettings;
import tickbus.testing.Await;

/**
 * Demand reaches the server at the next poll: each subscribe and unsubscribe changes the {@code instruments} of
 * the polls that follow, a joining instrument's book events wait for its snapshot, and without
 * {@code followDemand} every poll asks for every instrument and the book is built from the start of the log.
 */
class HttpFeedDemandIT {

    private static final String FIRST = HttpFeedFixture.instrument("SIM001");
    private static final String SECOND = HttpFeedFixture.instrument("SIM002");

    @Test
    void subscribeAndUnsubscribeChangeTheInstrumentsOfTheNextPoll() {
        try (HttpFeedFixture fixture = new HttpFeedFixture(FixmlSimSettings.forTests(3, 100_000, 50))) {
            fixture.deploy(new JsonObject());
            fixture.harness.awaitState(FeedState.LIVE);
            fixture.server.generate(200);

            fixture.follow(FIRST);
            awaitActive(fixture, FIRST);
            fixture.server.generate(200);
            fixture.follow(SECOND);
            awaitActive(fixture, SECOND);
            fixture.server.generate(200);
            fixture.unfollow(FIRST);
            Await.until(FIRST + " released", () -> fixture.feed.subscriptionState(FIRST) == SubscriptionState.UNSUBSCRIBED);
            fixture.server.generate(200);
            Await.until("a poll for SIM002 alone", () -> fixture.server.polls().stream()
                    .anyMatch(poll -> "SIM002".equals(poll.instruments())));

            assertEquals(List.of("", "SIM001", "SIM001,SIM002", "SIM002"), distinctInstrumentParameters(fixture.server));
            for (String instrument : List.of(FIRST, SECOND)) {
                List<MarketEvent> bookEvents = fixture.events(instrument).stream()
                        .filter(event -> event instanceof BookUpdate || event instanceof Quote).toList();
                assertTrue(bookEvents.get(0) instanceof BookUpdate update && update.snapshot(),
                        instrument + ": book events start with the snapshot, not " + bookEvents.get(0));
            }
        }
    }

    @Test
    void withoutFollowDemandEveryPollAsksForEveryInstrumentAndTheBookStartsAtTheLogsStart() {
        try (HttpFeedFixture fixture = new HttpFeedFixture(FixmlSimSettings.forTests(3, 100_000, 50))) {
            fixture.follow(FIRST);
            fixture.deploy(new JsonObject().put("followDemand", false));
            long last = fixture.server.generate(300);
            List<Long> expected = fixture.incrementPositions("SIM001", 0);
            fixture.awaitUpdate(FIRST, null, expected.get(expected.size() - 1));

            assertEquals(expected, fixture.updateSequences(FIRST));
            assertTrue(expected.get(expected.size() - 1) <= last);
            assertEquals(List.of(1L), fixture.snapshots(FIRST).stream().map(BookUpdate::sequence).toList(),
                    "the log begins with the snapshots; no more were asked for");
            assertTrue(fixture.server.polls().stream().allMatch(poll -> poll.instruments() == null),
                    "polls ask for every instrument");
            assertEquals(0, fixture.protocol.counters().snapshotRequests());
        }
    }

    @Test
    void anInstrumentNoLongerPolledIsNotRestatedFromTheBookItStoppedUpdating() {
        try (HttpFeedFixture fixture = new HttpFeedFixture(FixmlSimSettings.forTests(3, 100_000, 50))) {
            fixture.deploy(new JsonObject());
            fixture.harness.awaitState(FeedState.LIVE);
            fixture.follow(FIRST);
            awaitActive(fixture, FIRST);
            fixture.follow(SECOND);
            awaitActive(fixture, SECOND);
            fixture.unfollow(FIRST);
            Await.until(FIRST + " released", () -> fixture.feed.subscriptionState(FIRST) == SubscriptionState.UNSUBSCRIBED);
            Await.until("a poll for SIM002 alone", () -> fixture.server.polls().stream()
                    .anyMatch(poll -> "SIM002".equals(poll.instruments())));
            // SIM001's book moves on at the server; the feed no longer sees it.
            long head = fixture.server.generate(300);
            List<Long> second = fixture.incrementPositions("SIM002", 0);
            fixture.awaitUpdate(SECOND, null, second.get(second.size() - 1));
            assertTrue(fixture.incrementPositions("SIM001", head - 300).size() > 0);

            // What a subscriber arriving now is told first, before its demand brings SIM001 back into the polls.
            List<MarketEvent> replies = new CopyOnWriteArrayList<>();
            String replyAddress = Addresses.snapshotReply(java.util.UUID.randomUUID());
            Await.result(fixture.harness.vertx.eventBus().<MarketEvent>consumer(replyAddress, m -> replies.add(m.body()))
                    .completion());
            for (String instrument : List.of(FIRST, SECOND)) {
                fixture.harness.vertx.eventBus().publish(Addresses.SNAPSHOT_REQUESTS, new JsonObject()
                        .put("instrument", instrument).put("replyAddress", replyAddress));
            }
            Await.until("the state of SIM002, asked for second", () -> replies.stream()
                    .anyMatch(event -> event.instrument().equals(SECOND)));

            assertEquals(List.of(), replies.stream().filter(event -> event.instrument().equals(FIRST)).toList(),
                    "SIM001's book missed every update since it left the polls");
        }
    }

    private static void awaitActive(HttpFeedFixture fixture, String instrument) {
        Await.until(instrument + " ACTIVE", () -> fixture.feed.subscriptionState(instrument) == SubscriptionState.ACTIVE);
        Await.until(instrument + " snapshot", () -> !fixture.snapshots(instrument).isEmpty());
    }

    /** The {@code instruments} values in the order the server first saw each. */
    private static List<String> distinctInstrumentParameters(FixmlSimServer server) {
        List<String> values = new ArrayList<>();
        for (FixmlSimServer.Poll poll : server.polls()) {
            String value = Objects.requireNonNull(poll.instruments(), "a poll without instruments");
            if (values.isEmpty() || !values.get(values.size() - 1).equals(value)) {
                values.add(value);
            }
        }
        return values;
    }
}
