package tickbus.protocol.itch;

/**
 * LULD Auction Collar: the price collar of a LULD pause auction, type {@code 'J'}, 35 bytes.
 *
 * <pre>
 * offset  length  field
 *      0      11  header (see {@link Itch50Message})
 *     11       8  stock
 *     19       4  auctionCollarReferencePrice
 *     23       4  upperAuctionCollarPrice
 *     27       4  lowerAuctionCollarPrice
 *     31       4  auctionCollarExtension
 * </pre>
 */
public final class LuldAuctionCollar extends Itch50Message<LuldAuctionCollar> {

    public static final int LENGTH = Itch50.LULD_AUCTION_COLLAR_LENGTH;
    public static final int STOCK_OFFSET = 11;
    public static final int AUCTION_COLLAR_REFERENCE_PRICE_OFFSET = 19;
    public static final int UPPER_AUCTION_COLLAR_PRICE_OFFSET = 23;
    public static final int LOWER_AUCTION_COLLAR_PRICE_OFFSET = 27;
    public static final int AUCTION_COLLAR_EXTENSION_OFFSET = 31;

    @Override
    public byte messageType() {
        return Itch50.MESSAGE_TYPE_LULD_AUCTION_COLLAR;
    }

    @Override
    public int length() {
        return LENGTH;
    }

    /** The symbol, without its padding. */
    public String stock() {
        return readAlpha(STOCK_OFFSET, 8);
    }

    /** The 8 raw bytes of {@link #stock()}, padding included, as one big-endian long. */
    public long stockRaw() {
        return readLong(STOCK_OFFSET);
    }

    public LuldAuctionCollar stock(String stock) {
        return writeAlpha(STOCK_OFFSET, 8, stock, "stock");
    }

    /** Reference price, Price(4). */
    public long auctionCollarReferencePrice() {
        return readUnsignedInt(AUCTION_COLLAR_REFERENCE_PRICE_OFFSET);
    }

    public LuldAuctionCollar auctionCollarReferencePrice(long auctionCollarReferencePrice) {
        return writeUnsignedInt(AUCTION_COLLAR_REFERENCE_PRICE_OFFSET, auctionCollarReferencePrice,
                "auctionCollarReferencePrice");
    }

    /** Upper collar, Price(4). */
    public long upperAuctionCollarPrice() {
        return readUnsignedInt(UPPER_AUCTION_COLLAR_PRICE_OFFSET);
    }

    public LuldAuctionCollar upperAuctionCollarPrice(long upperAuctionCollarPrice) {
        return writeUnsignedInt(UPPER_AUCTION_COLLAR_PRICE_OFFSET, upperAuctionCollarPrice, "upperAuctionCollarPrice");
    }

    /** Lower collar, Price(4). */
    public long lowerAuctionCollarPrice() {
        return readUnsignedInt(LOWER_AUCTION_COLLAR_PRICE_OFFSET);
    }

    public LuldAuctionCollar lowerAuctionCollarPrice(long lowerAuctionCollarPrice) {
        return writeUnsignedInt(LOWER_AUCTION_COLLAR_PRICE_OFFSET, lowerAuctionCollarPrice, "lowerAuctionCollarPrice");
    }

    /** How many times the halt was extended. */
    public long auctionCollarExtension() {
        return readUnsignedInt(AUCTION_COLLAR_EXTENSION_OFFSET);
    }

    public LuldAuctionCollar auctionCollarExtension(long auctionCollarExtension) {
        return writeUnsignedInt(AUCTION_COLLAR_EXTENSION_OFFSET, auctionCollarExtension, "auctionCollarExtension");
    }

    @Override
    public String toString() {
        return "LuldAuctionCollar{" + headerToString() + ", "
                + "stock='" + stock() + "'" + ", "
                + "auctionCollarReferencePrice=" + auctionCollarReferencePrice() + ", "
                + "upperAuctionCollarPrice=" + upperAuctionCollarPrice() + ", "
                + "lowerAuctionCollarPrice=" + lowerAuctionCollarPrice() + ", "
                + "auctionCollarExtension=" + auctionCollarExtension() + "}";
    }
}
