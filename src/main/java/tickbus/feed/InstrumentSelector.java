package tickbus.feed;

import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import tickbus.config.ConfigReader;

/**
 * Which instruments a feed serves: an explicit list, an anchored regex, or everything the venue lists
 * ({@code VENUE:*}).
 */
public record InstrumentSelector(Set<String> listed, Pattern pattern, String venuePrefix) {

    public boolean serves(String instrument) {
        if (listed != null) {
            return listed.contains(instrument);
        }
        if (pattern != null) {
            return pattern.matcher(instrument).matches();
        }
        return instrument.startsWith(venuePrefix) && instrument.length() > venuePrefix.length();
    }

    public static InstrumentSelector of(List<String> instruments) {
        return new InstrumentSelector(Set.copyOf(instruments), null, null);
    }

    public static InstrumentSelector allOfVenue(String venue) {
        return new InstrumentSelector(null, null, venue + ":");
    }

    static InstrumentSelector fromConfig(ConfigReader reader, String venue) {
        boolean hasList = reader.has("instruments");
        boolean hasPattern = reader.has("instrumentPattern");
        if (hasList && hasPattern) {
            throw reader.error("instrumentPattern", "both instruments and instrumentPattern are set; expected one");
        }
        if (hasPattern) {
            String regex = reader.string("instrumentPattern");
            try {
                return new InstrumentSelector(null, Pattern.compile(regex), null);
            } catch (PatternSyntaxException e) {
                throw reader.error("instrumentPattern", "value=\"" + regex + "\"; expected a regex: " + e.getDescription());
            }
        }
        if (!hasList) {
            return allOfVenue(venue);
        }
        List<String> instruments = reader.strings("instruments");
        for (int i = 0; i < instruments.size(); i++) {
            if (!instruments.get(i).startsWith(venue + ":")) {
                throw new tickbus.config.ConfigException(reader.path("instruments") + "[" + i + "]",
                        "value=\"" + instruments.get(i) + "\"; expected VENUE:SYMBOL with venue " + venue);
            }
        }
        return of(instruments);
    }
}
