/** Redis JSON payloads to tickbus events: the normalizer and the decode-and-normalize stage. */
package tickbus.normalize.redisjson;
