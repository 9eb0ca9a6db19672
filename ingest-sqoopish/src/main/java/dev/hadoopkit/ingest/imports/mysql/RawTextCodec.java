package dev.hadoopkit.ingest.imports.mysql;

import java.util.Calendar;
import org.mariadb.jdbc.client.ColumnDecoder;
import org.mariadb.jdbc.client.Context;
import org.mariadb.jdbc.client.ReadableByteBuf;
import org.mariadb.jdbc.client.socket.Writer;
import org.mariadb.jdbc.client.util.MutableInt;
import org.mariadb.jdbc.plugin.Codec;

/**
 * MariaDB Connector/J codec behind {@code rs.getObject(i, RawText.class)}: hands out the bytes of a value in place (no
 * String, no parsing, no CAST in the query): over the text protocol the server's text, over the binary protocol its
 * packed form ({@link RawText#binary}). Found by the driver through ServiceLoader
 * (META-INF/services/org.mariadb.jdbc.plugin.Codec); decodes nothing else and encodes nothing.
 */
public final class RawTextCodec implements Codec<RawText> {
  /**
   * True when the driver finds this codec: it loads codecs with its own class loader, which need not see this
   * module's classes.
   */
  public static boolean loadedByDriver() {
    for (Codec<?> codec : java.util.ServiceLoader.load(Codec.class, org.mariadb.jdbc.Configuration.class.getClassLoader())) {
      if (codec instanceof RawTextCodec) {
        return true;
      }
    }
    return false;
  }

  @Override
  public String className() {
    return RawText.class.getName();
  }

  @Override
  public boolean canDecode(ColumnDecoder column, Class<?> type) {
    return type == RawText.class;
  }

  @Override
  public boolean canEncode(Object value) {
    return false;
  }

  @Override
  public RawText decodeText(ReadableByteBuf buf, MutableInt length, ColumnDecoder column, Calendar cal,
      Context context) {
    int n = length.get();
    RawText value = new RawText(buf.buf(), buf.pos(), n);
    buf.skip(n);
    return value;
  }

  @Override
  public RawText decodeBinary(ReadableByteBuf buf, MutableInt length, ColumnDecoder column, Calendar cal,
      Context context) {
    int n = length.get();
    RawText value = new RawText(buf.buf(), buf.pos(), n, true);
    buf.skip(n);
    return value;
  }

  @Override
  public void encodeText(Writer encoder, Context context, Object value, Calendar cal, Long length) {
    throw new UnsupportedOperationException("RawText is read only");
  }

  @Override
  public void encodeBinary(Writer encoder, Context context, Object value, Calendar cal, Long length) {
    throw new UnsupportedOperationException("RawText is read only");
  }

  @Override
  public int getBinaryEncodeType() {
    return 0;
  }
}
