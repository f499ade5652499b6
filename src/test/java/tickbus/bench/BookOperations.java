package tickbus.bench;

import tickbus.normalize.itch.Itch50OrderBooks;
import tickbus.protocol.itch.AddOrder;
import tickbus.protocol.itch.AddOrderMpid;
import tickbus.protocol.itch.Itch50;
import tickbus.protocol.itch.Itch50Decoder;
import tickbus.protocol.itch.OrderCancel;
import tickbus.protocol.itch.OrderDelete;
import tickbus.protocol.itch.OrderExecuted;
import tickbus.protocol.itch.OrderExecutedWithPrice;
import tickbus.protocol.itch.OrderReplace;

/** The book operations of an ITCH stream, decoded once into parallel arrays, so a benchmark measures books alone. */
final class BookOperations {

    private static final byte ADD = 1;
    private static final byte EXECUTE = 2;
    private static final byte CANCEL = 3;
    private static final byte DELETE = 4;
    private static final byte REPLACE = 5;

    private final byte[] kinds;
    private final int[] locates;
    private final long[] references;
    private final long[] newReferences;
    private final boolean[] buys;
    private final long[] prices;
    private final long[] shares;
    private int count;

    private BookOperations(int capacity) {
        kinds = new byte[capacity];
        locates = new int[capacity];
        references = new long[capacity];
        newReferences = new long[capacity];
        buys = new boolean[capacity];
        prices = new long[capacity];
        shares = new long[capacity];
    }

    static BookOperations of(ItchStreams stream) {
        BookOperations operations = new BookOperations(stream.count());
        Itch50Decoder decoder = new Itch50Decoder(new BookOperationCollector(operations));
        for (int i = 0; i < stream.count(); i++) {
            decoder.decode(stream.bytes, stream.offsets[i], stream.lengths[i]);
        }
        return operations;
    }

    /** Apply {@code n} operations from {@code cursor}, wrapping around; returns the next cursor. */
    int apply(Itch50OrderBooks books, int cursor, int n) {
        for (int i = 0; i < n; i++) {
            switch (kinds[cursor]) {
                case ADD -> books.add(locates[cursor], references[cursor], buys[cursor], prices[cursor],
                        shares[cursor]);
                case EXECUTE -> books.execute(locates[cursor], references[cursor], shares[cursor]);
                case CANCEL -> books.cancel(locates[cursor], references[cursor], shares[cursor]);
                case DELETE -> books.delete(locates[cursor], references[cursor]);
                default -> books.replace(locates[cursor], references[cursor], newReferences[cursor], shares[cursor],
                        prices[cursor]);
            }
            cursor = cursor + 1 == count ? 0 : cursor + 1;
        }
        return cursor;
    }

    private void record(byte kind, int locate, long reference, long newReference, boolean buy, long price,
            long quantity) {
        kinds[count] = kind;
        locates[count] = locate;
        references[count] = reference;
        newReferences[count] = newReference;
        buys[count] = buy;
        prices[count] = price;
        shares[count] = quantity;
        count++;
    }

    /** Keeps the book operations of a stream, ignoring messages that do not change books. */
    private static final class BookOperationCollector extends NoOpItch50Listener {

        private final BookOperations operations;

        BookOperationCollector(BookOperations operations) {
            this.operations = operations;
        }

        @Override
        public void onAddOrder(AddOrder m) {
            operations.record(ADD, m.stockLocate(), m.orderReferenceNumber(), 0, m.buySellIndicator() == Itch50.BUY,
                    m.price(), m.shares());
        }

        @Override
        public void onAddOrderMpid(AddOrderMpid m) {
            operations.record(ADD, m.stockLocate(), m.orderReferenceNumber(), 0, m.buySellIndicator() == Itch50.BUY,
                    m.price(), m.shares());
        }

        @Override
        public void onOrderExecuted(OrderExecuted m) {
            operations.record(EXECUTE, m.stockLocate(), m.orderReferenceNumber(), 0, false, 0, m.executedShares());
        }

        @Override
        public void onOrderExecutedWithPrice(OrderExecutedWithPrice m) {
            operations.record(EXECUTE, m.stockLocate(), m.orderReferenceNumber(), 0, false, 0, m.executedShares());
        }

        @Override
        public void onOrderCancel(OrderCancel m) {
            operations.record(CANCEL, m.stockLocate(), m.orderReferenceNumber(), 0, false, 0, m.canceledShares());
        }

        @Override
        public void onOrderDelete(OrderDelete m) {
            operations.record(DELETE, m.stockLocate(), m.orderReferenceNumber(), 0, false, 0, 0);
        }

        @Override
        public void onOrderReplace(OrderReplace m) {
            operations.record(REPLACE, m.stockLocate(), m.originalOrderReferenceNumber(),
                    m.newOrderReferenceNumber(), false, m.price(), m.shares());
        }
    }
}
