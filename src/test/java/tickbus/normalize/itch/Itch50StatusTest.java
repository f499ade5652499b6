package tickbus.normalize.itch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static tickbus.testing.Itch50TestMessages.luldCollar;
import static tickbus.testing.Itch50TestMessages.mwcbDeclineLevel;
import static tickbus.testing.Itch50TestMessages.mwcbStatus;
import static tickbus.testing.Itch50TestMessages.operationalHalt;
import static tickbus.testing.Itch50TestMessages.regSho;
import static tickbus.testing.Itch50TestMessages.stockDirectory;
import static tickbus.testing.Itch50TestMessages.tradingAction;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tickbus.event.InstrumentState;
import tickbus.protocol.itch.Itch50;

/** Trading Action, Reg SHO, MWCB, LULD and Operational Halt messages become InstrumentStatus events. */
class Itch50StatusTest {

    private final ConsumerView view = new ConsumerView();
    private final Itch50Normalizer normalizer = new Itch50Normalizer("itch", Itch50NormalizerTest.DAY,
            Set.of("XNAS:AAPL", "XNAS:MSFT")::contains, view, 64);
    private long sequence;

    private void send(byte[] message) {
        normalizer.onMessage(++sequence, 0, message, 0, message.length);
    }

    @Test
    void tradingActionsSetTheStateAndARegShoRestrictionDoesNotHideAHalt() {
        send(stockDirectory(13, 1, "AAPL"));
        send(tradingAction(13, 2, "AAPL", Itch50.TRADING_STATE_HALTED, "T1"));
        send(regSho(13, 3, "AAPL", Itch50.REG_SHO_PRICE_TEST_INTRADAY_DROP));
        send(regSho(13, 4, "AAPL", Itch50.REG_SHO_NO_PRICE_TEST));
        send(tradingAction(13, 5, "AAPL", Itch50.TRADING_STATE_QUOTATION_ONLY, "T1"));
        send(tradingAction(13, 6, "AAPL", Itch50.TRADING_STATE_PAUSED, "LUDP"));
        send(luldCollar(13, 7, "AAPL", 1_500_000, 1_575_000, 1_425_000, 1));
        send(tradingAction(13, 8, "AAPL", Itch50.TRADING_STATE_TRADING, ""));

        assertEquals(List.of(
                "status XNAS:AAPL HALTED (trading action: state=H, reason=T1)",
                "status XNAS:AAPL HALTED (Reg SHO: short-sale price test in effect after an intraday price drop)",
                "status XNAS:AAPL HALTED (Reg SHO: no short-sale price test in effect)",
                "status XNAS:AAPL QUOTATION_ONLY (trading action: state=Q, reason=T1)",
                "status XNAS:AAPL PAUSED (trading action: state=P, reason=LUDP)",
                "status XNAS:AAPL PAUSED (LULD auction collar: reference=150.0000, upper=157.5000, "
                        + "lower=142.5000, extensions=1)",
                "status XNAS:AAPL TRADING (trading action: state=T, reason=none)"), EventText.of(view.events));
        assertEquals(InstrumentState.TRADING, normalizer.books().book(13).tradingState());
    }

    @Test
    void operationalHaltsCountOnlyForNasdaqItself() {
        send(stockDirectory(13, 1, "AAPL"));
        send(operationalHalt(13, 2, "AAPL", Itch50.MARKET_CODE_BX, Itch50.OPERATIONAL_HALT_HALTED));
        send(operationalHalt(13, 3, "AAPL", Itch50.MARKET_CODE_NASDAQ, Itch50.OPERATIONAL_HALT_HALTED));
        send(operationalHalt(13, 4, "AAPL", Itch50.MARKET_CODE_NASDAQ, Itch50.OPERATIONAL_HALT_RESUMED));

        assertEquals(List.of("status XNAS:AAPL HALTED (operational halt)",
                "status XNAS:AAPL TRADING (operational halt lifted)"), EventText.of(view.events));
    }

    @Test
    void anMwcbBreachIsAnnouncedToEveryWantedInstrumentWithTheDaysLevels() {
        send(stockDirectory(13, 1, "AAPL"));
        send(stockDirectory(14, 2, "MSFT"));
        send(stockDirectory(15, 3, "IBM"));
        send(tradingAction(14, 4, "MSFT", Itch50.TRADING_STATE_HALTED, "MWC1"));
        view.events.clear();
        send(mwcbDeclineLevel(5, 300_000_000_000L, 280_000_000_000L, 250_012_345_678L));
        send(mwcbStatus(6, Itch50.MWCB_LEVEL_1));

        String levels = "level1=3000.00000000, level2=2800.00000000, level3=2500.12345678";
        assertEquals(List.of(
                "status XNAS:AAPL TRADING (market-wide circuit breaker level 1 breached: " + levels + ")",
                "status XNAS:MSFT HALTED (market-wide circuit breaker level 1 breached: " + levels + ")"),
                EventText.of(view.events));
    }

    @Test
    void aShortSaleRestrictionOutlastsAHaltAndReachesALateSubscriber() {
        Set<String> wanted = new java.util.HashSet<>();
        Itch50Normalizer late = new Itch50Normalizer("itch", Itch50NormalizerTest.DAY, wanted::contains, view, 64);
        for (byte[] message : List.of(stockDirectory(13, 1, "AAPL"),
                regSho(13, 2, "AAPL", Itch50.REG_SHO_PRICE_TEST_INTRADAY_DROP),
                tradingAction(13, 3, "AAPL", Itch50.TRADING_STATE_HALTED, "LUDP"),
                tradingAction(13, 4, "AAPL", Itch50.TRADING_STATE_TRADING, ""))) {
            late.onMessage(++sequence, 0, message, 0, message.length);
        }
        assertEquals(InstrumentState.SHORT_SALE_RESTRICTED, late.books().book(13).tradingState());

        wanted.add("XNAS:AAPL");
        late.refreshDemand(sequence, 0);

        assertEquals(List.of("status XNAS:AAPL SHORT_SALE_RESTRICTED (state when publishing began)"),
                EventText.of(view.events).stream().filter(line -> line.startsWith("status")).toList());
    }

    @Test
    void anOperationalHaltAndARegulatoryHaltEndIndependently() {
        send(stockDirectory(13, 1, "AAPL"));
        send(tradingAction(13, 2, "AAPL", Itch50.TRADING_STATE_HALTED, "T1"));
        send(operationalHalt(13, 3, "AAPL", Itch50.MARKET_CODE_NASDAQ, Itch50.OPERATIONAL_HALT_HALTED));
        send(operationalHalt(13, 4, "AAPL", Itch50.MARKET_CODE_NASDAQ, Itch50.OPERATIONAL_HALT_RESUMED));
        send(operationalHalt(13, 5, "AAPL", Itch50.MARKET_CODE_NASDAQ, Itch50.OPERATIONAL_HALT_HALTED));
        send(tradingAction(13, 6, "AAPL", Itch50.TRADING_STATE_TRADING, ""));
        send(operationalHalt(13, 7, "AAPL", Itch50.MARKET_CODE_NASDAQ, Itch50.OPERATIONAL_HALT_RESUMED));

        assertEquals(List.of(
                "status XNAS:AAPL HALTED (trading action: state=H, reason=T1)",
                "status XNAS:AAPL HALTED (operational halt)",
                "status XNAS:AAPL HALTED (operational halt lifted)",
                "status XNAS:AAPL HALTED (operational halt)",
                "status XNAS:AAPL HALTED (trading action: state=T, reason=none)",
                "status XNAS:AAPL TRADING (operational halt lifted)"), EventText.of(view.events));
    }
}
