package tickbus.testing;

import com.paritytrading.juncture.nasdaq.itch50.ITCH50;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import tickbus.protocol.itch.Itch50;

/**
 * What an ITCH file should yield, worked out by the independent implementations: nassau frames the file, juncture
 * decodes each message, a {@link ReferenceBook} follows the orders, and the trades are listed as
 * {@link ItchFlowGenerator#describeTrade} writes them. Juncture also encodes every message again, for tests that
 * send a stream tickbus did not encode.
 */
public final class JunctureReference {

    public final ReferenceBook book = new ReferenceBook();
    public final List<String> trades = new ArrayList<>();
    public final List<byte[]> encoded = new ArrayList<>();
    private final String instrument;

    private JunctureReference(String instrument) {
        this.instrument = instrument;
    }

    /** Reads a BinaryFILE of one instrument's messages. */
    public static JunctureReference read(Path file, String instrument) throws IOException {
        JunctureReference reference = new JunctureReference(instrument);
        JunctureFiles.forEachMessage(file, reference::on);
        return reference;
    }

    private void on(ITCH50.Message message) {
        encode(message);
        if (message instanceof ITCH50.AddOrder add) {
            book.add(add.stockLocate, add.orderReferenceNumber, add.buySellIndicator == Itch50.BUY, add.price,
                    add.shares);
        } else if (message instanceof ITCH50.AddOrderMPID add) {
            book.add(add.stockLocate, add.orderReferenceNumber, add.buySellIndicator == Itch50.BUY, add.price,
                    add.shares);
        } else if (message instanceof ITCH50.OrderExecuted executed) {
            ReferenceBook.Order order = book.reduce(executed.orderReferenceNumber, executed.executedShares);
            trade(order.price, executed.executedShares, order.buy ? "SELL" : "BUY", executed.matchNumber);
        } else if (message instanceof ITCH50.OrderExecutedWithPrice executed) {
            ReferenceBook.Order order = book.reduce(executed.orderReferenceNumber, executed.executedShares);
            if (executed.printable == Itch50.YES) {
                trade(executed.executionPrice, executed.executedShares, order.buy ? "SELL" : "BUY",
                        executed.matchNumber);
            }
        } else if (message instanceof ITCH50.OrderCancel cancel) {
            book.reduce(cancel.orderReferenceNumber, cancel.canceledShares);
        } else if (message instanceof ITCH50.OrderDelete delete) {
            book.delete(delete.orderReferenceNumber);
        } else if (message instanceof ITCH50.OrderReplace replace) {
            book.replace(replace.originalOrderReferenceNumber, replace.newOrderReferenceNumber, replace.shares,
                    replace.price);
        } else if (message instanceof ITCH50.Trade trade) {
            // Since 2014 the indicator is always 'B': it does not tell the hidden order's side.
            trade(trade.price, trade.shares, "UNKNOWN", trade.matchNumber);
        }
    }

    private void encode(ITCH50.Message message) {
        ByteBuffer buffer = ByteBuffer.allocate(Itch50.MAX_MESSAGE_LENGTH);
        message.put(buffer);
        byte[] bytes = new byte[buffer.position()];
        buffer.flip().get(bytes);
        encoded.add(bytes);
    }

    private void trade(long price, long shares, String aggressor, long matchNumber) {
        trades.add(ItchFlowGenerator.describeTrade(instrument, price, shares, aggressor,
                Long.toString(matchNumber), "REGULAR"));
    }
}
