package tickbus.protocol.itch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tickbus.testing.Itch50Layouts;
import tickbus.testing.Itch50Layouts.BodyField;
import tickbus.testing.Itch50Layouts.Layout;

/**
 * Every message class against the ITCH 5.0 specification's field tables, written out here by hand
 * ({@code name@offset/length}), and a byte-exact round trip (decode, then re-encode field by field) for every type.
 */
class Itch50SpecLayoutTest {

    private static final Map<Character, String> SPEC = new LinkedHashMap<>();

    static {
        SPEC.put('S', "eventCode@11/1");
        SPEC.put('R', "stock@11/8 marketCategory@19/1 financialStatusIndicator@20/1 roundLotSize@21/4 "
                + "roundLotsOnly@25/1 issueClassification@26/1 issueSubType@27/2 authenticity@29/1 "
                + "shortSaleThresholdIndicator@30/1 ipoFlag@31/1 luldReferencePriceTier@32/1 etpFlag@33/1 "
                + "etpLeverageFactor@34/4 inverseIndicator@38/1");
        SPEC.put('H', "stock@11/8 tradingState@19/1 reserved@20/1 reason@21/4");
        SPEC.put('Y', "stock@11/8 regShoAction@19/1");
        SPEC.put('L', "mpid@11/4 stock@15/8 primaryMarketMaker@23/1 marketMakerMode@24/1 "
                + "marketParticipantState@25/1");
        SPEC.put('V', "level1@11/8 level2@19/8 level3@27/8");
        SPEC.put('W', "breachedLevel@11/1");
        SPEC.put('K', "stock@11/8 ipoQuotationReleaseTime@19/4 ipoQuotationReleaseQualifier@23/1 ipoPrice@24/4");
        SPEC.put('J', "stock@11/8 auctionCollarReferencePrice@19/4 upperAuctionCollarPrice@23/4 "
                + "lowerAuctionCollarPrice@27/4 auctionCollarExtension@31/4");
        SPEC.put('h', "stock@11/8 marketCode@19/1 operationalHaltAction@20/1");
        SPEC.put('A', "orderReferenceNumber@11/8 buySellIndicator@19/1 shares@20/4 stock@24/8 price@32/4");
        SPEC.put('F', "orderReferenceNumber@11/8 buySellIndicator@19/1 shares@20/4 stock@24/8 price@32/4 "
                + "attribution@36/4");
        SPEC.put('E', "orderReferenceNumber@11/8 executedShares@19/4 matchNumber@23/8");
        SPEC.put('C', "orderReferenceNumber@11/8 executedShares@19/4 matchNumber@23/8 printable@31/1 "
                + "executionPrice@32/4");
        SPEC.put('X', "orderReferenceNumber@11/8 canceledShares@19/4");
        SPEC.put('D', "orderReferenceNumber@11/8");
        SPEC.put('U', "originalOrderReferenceNumber@11/8 newOrderReferenceNumber@19/8 shares@27/4 price@31/4");
        SPEC.put('P', "orderReferenceNumber@11/8 buySellIndicator@19/1 shares@20/4 stock@24/8 price@32/4 "
                + "matchNumber@36/8");
        SPEC.put('Q', "shares@11/8 stock@19/8 crossPrice@27/4 matchNumber@31/8 crossType@39/1");
        SPEC.put('B', "matchNumber@11/8");
        SPEC.put('I', "pairedShares@11/8 imbalanceShares@19/8 imbalanceDirection@27/1 stock@28/8 farPrice@36/4 "
                + "nearPrice@40/4 currentReferencePrice@44/4 crossType@48/1 priceVariationIndicator@49/1");
        SPEC.put('N', "stock@11/8 interestFlag@19/1");
        SPEC.put('O', "stock@11/8 openEligibilityStatus@19/1 minimumAllowablePrice@20/4 maximumAllowablePrice@24/4 "
                + "nearExecutionPrice@28/4 nearExecutionTime@32/8 lowerPriceRangeCollar@40/4 "
                + "upperPriceRangeCollar@44/4");
    }

    static Stream<Layout> layouts() {
        return Itch50Layouts.all().stream();
    }

    @Test
    void everySpecTypeHasAClassAndALengthAndNothingElseDoes() {
        assertEquals(23, Itch50Layouts.all().size());
        int defined = 0;
        for (int type = 0; type < 256; type++) {
            if (Itch50.messageLength((byte) type) > 0) {
                defined++;
                assertEquals(true, SPEC.containsKey((char) type), "defined but not in the spec: " + (char) type);
            }
        }
        assertEquals(SPEC.size(), defined);
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void fieldsSitWhereTheSpecSays(Layout layout) {
        String spec = SPEC.get((char) layout.messageType());
        List<String> actual = new ArrayList<>();
        int end = Itch50Message.HEADER_LENGTH;
        for (BodyField field : layout.fields()) {
            actual.add(field.name() + "@" + field.offset() + "/" + field.width());
            end = field.offset() + field.width();
        }
        assertEquals(spec, String.join(" ", actual));
        assertEquals(end, layout.length());
        assertEquals(layout.length(), Itch50.messageLength(layout.messageType()));
    }

    @ParameterizedTest
    @MethodSource("layouts")
    void decodingThenEncodingEveryFieldGivesTheSameBytes(Layout layout) {
        Random random = new Random(layout.messageType() * 31L);
        Itch50Message<?> reader = Itch50Layouts.newInstance(layout.type());
        Itch50Message<?> writer = Itch50Layouts.newInstance(layout.type());
        for (int i = 0; i < 300; i++) {
            byte[] original = Itch50Layouts.randomMessage(layout, random);
            RecordingDecode decoded = RecordingDecode.of(original);
            assertEquals("on" + layout.type().getSimpleName(), decoded.method);

            byte[] copy = new byte[layout.length()];
            reader.wrap(original, 0);
            writer.wrapForEncode(copy, 0).stockLocate(reader.stockLocate()).trackingNumber(reader.trackingNumber())
                    .timestampNanos(reader.timestampNanos());
            for (BodyField field : layout.fields()) {
                Object value = field.kind() == Itch50Layouts.Kind.ALPHA ? Itch50Layouts.getText(reader, field)
                        : Itch50Layouts.get(reader, field);
                Itch50Layouts.set(writer, field, value);
            }
            assertArrayEquals(original, copy, layout.type().getSimpleName());
        }
    }

    @Test
    void crossTradeSharesUseAllEightBytes() {
        byte[] bytes = new byte[CrossTrade.LENGTH];
        CrossTrade crossTrade = new CrossTrade().wrapForEncode(bytes, 0).shares(5_000_000_000L).stock("AAPL")
                .crossPrice(3_245_600).matchNumber(77).crossType(Itch50.CROSS_TYPE_OPENING);

        assertEquals("CrossTrade{stockLocate=0, trackingNumber=0, timestampNanos=0, shares=5000000000, "
                + "stock='AAPL', crossPrice=3245600, matchNumber=77, crossType=O}", crossTrade.toString());
        assertEquals(1, bytes[14]);
        assertEquals((byte) 0x2A, bytes[15]);
    }

    @Test
    void dlcrFieldsReadBackAsWritten() {
        byte[] bytes = new byte[DlcrPriceDiscovery.LENGTH];
        new DlcrPriceDiscovery().wrapForEncode(bytes, 0).stockLocate(9).trackingNumber(2).timestampNanos(1_000)
                .stock("RBLX").openEligibilityStatus(Itch50.YES).minimumAllowablePrice(400_000)
                .maximumAllowablePrice(600_000).nearExecutionPrice(450_000).nearExecutionTime(36_000_000_000_000L)
                .lowerPriceRangeCollar(405_000).upperPriceRangeCollar(495_000);

        RecordingDecode decoded = RecordingDecode.of(bytes);
        assertEquals("DlcrPriceDiscovery{stockLocate=9, trackingNumber=2, timestampNanos=1000, stock='RBLX', "
                + "openEligibilityStatus=Y, minimumAllowablePrice=400000, maximumAllowablePrice=600000, "
                + "nearExecutionPrice=450000, nearExecutionTime=36000000000000, lowerPriceRangeCollar=405000, "
                + "upperPriceRangeCollar=495000}", decoded.message.toString());
    }
}
