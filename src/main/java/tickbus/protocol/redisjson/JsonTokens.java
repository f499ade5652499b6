package tickbus.protocol.redisjson;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;

/**
 * The tokens of one payload, as {@link JsonValueReader} reads them: from Jackson's hardened parser, or from
 * {@link FlatJsonTokens} for the common flat payload. Text is read in place, without a String per value.
 */
interface JsonTokens {

    JsonToken nextToken() throws IOException;

    JsonToken currentToken();

    String currentName() throws IOException;

    /** Skip the children of the current object or array value; nothing for a scalar value. */
    void skipChildren() throws IOException;

    char[] textCharacters() throws IOException;

    int textOffset() throws IOException;

    int textLength() throws IOException;

    /** Whether the current integer does not fit a long. */
    boolean isBigInteger() throws IOException;

    long longValue() throws IOException;

    /** The current token's text, for messages. */
    String text() throws IOException;

    /** Jackson's parser as {@link JsonTokens}. */
    final class Jackson implements JsonTokens {

        private JsonParser parser;

        void attach(JsonParser parser) {
            this.parser = parser;
        }

        @Override
        public JsonToken nextToken() throws IOException {
            return parser.nextToken();
        }

        @Override
        public JsonToken currentToken() {
            return parser.currentToken();
        }

        @Override
        public String currentName() throws IOException {
            return parser.currentName();
        }

        @Override
        public void skipChildren() throws IOException {
            parser.skipChildren();
        }

        @Override
        public char[] textCharacters() throws IOException {
            return parser.getTextCharacters();
        }

        @Override
        public int textOffset() throws IOException {
            return parser.getTextOffset();
        }

        @Override
        public int textLength() throws IOException {
            return parser.getTextLength();
        }

        @Override
        public boolean isBigInteger() throws IOException {
            return parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER;
        }

        @Override
        public long longValue() throws IOException {
            return parser.getLongValue();
        }

        @Override
        public String text() throws IOException {
            return parser.getText();
        }
    }
}
