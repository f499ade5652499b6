package tickbus.protocol.fixml;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import tickbus.event.Prices;

/** The direct price path gives exactly what {@link Prices#parse} gives, and rejects what it rejects. */
class PriceParsingProperties {

    @Property(tries = 5000)
    void directPathAgreesWithPrices(@ForAll("decimalText") String text, @ForAll @IntRange(max = 18) int scale) {
        long direct = FieldParser.unsignedPrice(text.toCharArray(), 0, text.length(), scale);
        AttributeValue value = new AttributeValue();
        value.decode(text);
        Long reference;
        try {
            reference = Prices.parse(text, scale);
        } catch (NumberFormatException e) {
            reference = null;
        }
        if (direct >= 0) {
            assertEquals(reference, direct, text);
        }
        if (reference == null) {
            assertThrows(FixmlException.class, () -> FieldParser.price(value, "Px", scale));
        } else {
            assertEquals(reference, FieldParser.price(value, "Px", scale));
        }
    }

    @Provide
    Arbitrary<String> decimalText() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("0123456789.").ofMinLength(0).ofMaxLength(24),
                Arbitraries.strings().withChars("0123456789.-+e ").ofMinLength(1).ofMaxLength(12),
                Arbitraries.longs().map(number -> Long.toString(number)),
                Arbitraries.bigDecimals().ofScale(6).map(decimal -> decimal.toPlainString()));
    }
}
