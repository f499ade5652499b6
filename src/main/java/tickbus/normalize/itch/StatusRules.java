package tickbus.normalize.itch;

import java.nio.charset.StandardCharsets;
import tickbus.event.InstrumentState;
import tickbus.event.Prices;
import tickbus.normalize.itch.Itch50OrderBooks.Outcome;
import tickbus.protocol.itch.Itch50;
import tickbus.protocol.itch.LuldAuctionCollar;

/** How ITCH codes map to instrument states, and the reasons given with them. */
final class StatusRules {

    private StatusRules() {
    }

    /** H, P, Q and T; anything else (not defined by ITCH 5.0) is taken as halted, the cautious reading. */
    static InstrumentState tradingState(byte code) {
        return switch (code) {
            case Itch50.TRADING_STATE_TRADING -> InstrumentState.TRADING;
            case Itch50.TRADING_STATE_PAUSED -> InstrumentState.PAUSED;
            case Itch50.TRADING_STATE_QUOTATION_ONLY -> InstrumentState.QUOTATION_ONLY;
            default -> InstrumentState.HALTED;
        };
    }

    static String tradingActionReason(byte state, String reasonCode) {
        return "trading action: state=" + (char) state + ", reason=" + (reasonCode.isEmpty() ? "none" : reasonCode);
    }

    static String regShoReason(byte action) {
        return switch (action) {
            case Itch50.REG_SHO_NO_PRICE_TEST -> "Reg SHO: no short-sale price test in effect";
            case Itch50.REG_SHO_PRICE_TEST_INTRADAY_DROP -> "Reg SHO: short-sale price test in effect after an "
                    + "intraday price drop";
            case Itch50.REG_SHO_PRICE_TEST_REMAINS -> "Reg SHO: short-sale price test remains in effect";
            default -> "Reg SHO: action=" + (char) action;
        };
    }

    static String mwcbReason(byte breachedLevel, long[] levels) {
        return "market-wide circuit breaker level " + (char) breachedLevel + " breached: level1="
                + Prices.format(levels[0], Itch50.MWCB_PRICE_SCALE) + ", level2="
                + Prices.format(levels[1], Itch50.MWCB_PRICE_SCALE) + ", level3="
                + Prices.format(levels[2], Itch50.MWCB_PRICE_SCALE);
    }

    static String luldReason(LuldAuctionCollar collar) {
        return "LULD auction collar: reference=" + price(collar.auctionCollarReferencePrice()) + ", upper="
                + price(collar.upperAuctionCollarPrice()) + ", lower=" + price(collar.lowerAuctionCollarPrice())
                + ", extensions=" + collar.auctionCollarExtension();
    }

    static String outcomeReason(Outcome outcome, String message, long reference) {
        String problem = switch (outcome) {
            case UNKNOWN_ORDER -> "unknown order reference";
            case DUPLICATE_ORDER -> "order reference already live";
            case LOCATE_MISMATCH -> "order belongs to another stock locate";
            case EXCEEDS_SHARES -> "more shares removed than the order had";
            case APPLIED -> "applied";
        };
        return problem + ": message=" + message + ", orderReferenceNumber=" + Long.toUnsignedString(reference);
    }

    /** The symbol in a raw 8-byte ITCH stock field, without its padding. */
    static String symbol(long stockRaw) {
        byte[] bytes = new byte[Long.BYTES];
        int length = 0;
        for (int i = 0; i < Long.BYTES; i++) {
            bytes[i] = (byte) (stockRaw >>> (56 - 8 * i));
            if (bytes[i] != ' ') {
                length = i + 1;
            }
        }
        return new String(bytes, 0, length, StandardCharsets.US_ASCII);
    }

    private static String price(long mantissa) {
        return Prices.format(mantissa, Itch50.PRICE_SCALE);
    }
}
