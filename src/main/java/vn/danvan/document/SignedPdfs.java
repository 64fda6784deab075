package vn.danvan.document;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.Provider;
import java.security.cert.CertPathBuilder;
import java.security.cert.CertStore;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.CollectionCertStoreParameters;
import java.security.cert.PKIXBuilderParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509CertSelector;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Calendar;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSNumber;
import org.apache.pdfbox.io.IOUtils;
import org.apache.pdfbox.io.RandomAccessRead;
import org.apache.pdfbox.io.RandomAccessReadBufferedFile;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1String;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignerDigestMismatchException;
import org.bouncycastle.cms.CMSTypedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.OperatorCreationException;
import vn.danvan.document.PdfSignature.Status;
import vn.danvan.document.PdfSignature.Trust;
import vn.danvan.input.InvalidInputException;

/**
 * The digital signatures of a PDF (CMS: adbe.pkcs7.detached, ETSI.CAdES.detached as PAdES has it,
 * and the older adbe.pkcs7.sha1): who signed, when, whether the signed bytes are unchanged, whether
 * later revisions were appended, whether the signer's certificate was valid when signing and, when
 * certification authorities are configured, whether it chains up to one of them. Revocation (CRL,
 * OCSP) and signature time-stamps are not checked.
 *
 * <p>The file is read from disk through PDFBox's buffered file access; the signed bytes are
 * streamed into the digest, and a signature's CMS is held only up to {@link #MAX_SIGNATURE_BYTES}.
 * Input that is not a readable PDF is refused with an {@link InvalidInputException} in Vietnamese.
 */
public class SignedPdfs {

  /** The summary of a PDF without signatures. */
  public static final String NO_SIGNATURE = "Không có chữ ký số";

  static final String NOT_PDF = "Tệp không phải là tệp PDF.";
  static final String CORRUPT = "Tệp PDF bị hỏng, không đọc được chữ ký số.";
  static final String ENCRYPTED = "Tệp PDF có mật khẩu mở tệp, không đọc được chữ ký số.";
  static final String TOO_MANY =
      "Tệp PDF có quá nhiều chữ ký số (quá " + SignedPdfs.MAX_SIGNATURES + ").";

  /** The signatures of one file that are checked; a file with more is refused. */
  static final int MAX_SIGNATURES = 50;

  /** The largest CMS structure read (its hex form in the file is twice as long). */
  static final int MAX_SIGNATURE_BYTES = 2 * 1024 * 1024;

  private static final int HEADER_BYTES = 1024;
  private static final byte[] PDF_HEADER = "%PDF-".getBytes(StandardCharsets.US_ASCII);
  private static final byte[] END_OF_FILE = "%%EOF".getBytes(StandardCharsets.US_ASCII);
  private static final Provider BC = new BouncyCastleProvider();

  private final Set<TrustAnchor> authorities;

  /** Without certification authorities: the chain of trust is reported as not checked. */
  public SignedPdfs() {
    this(List.of());
  }

  /**
   * @param authorities the certification authorities whose certificates are trusted (e.g. the
   *     national root and the licensed CAs under it); empty for none
   */
  public SignedPdfs(Collection<X509Certificate> authorities) {
    this.authorities =
        authorities.stream().map(ca -> new TrustAnchor(ca, null)).collect(Collectors.toSet());
  }

  /** The certificates in a PEM (one or several) or DER file, e.g. the trusted authorities. */
  public static List<X509Certificate> certificates(InputStream pemOrDer) {
    try {
      return CertificateFactory.getInstance("X.509").generateCertificates(pemOrDer).stream()
          .map(X509Certificate.class::cast)
          .toList();
    } catch (CertificateException e) {
      throw new IllegalArgumentException("not X.509 certificates: " + e.getMessage(), e);
    }
  }

  /**
   * One line per signature, "signer, organisation, dd/MM/yyyy HH:mm: verdict", or {@link
   * #NO_SIGNATURE}.
   */
  public static String summary(List<PdfSignature> signatures) {
    if (signatures.isEmpty()) {
      return NO_SIGNATURE;
    }
    return signatures.stream().map(SignedPdfs::line).collect(Collectors.joining("\n"));
  }

  private static String line(PdfSignature signature) {
    String who =
        Stream.of(signature.signerName(), signature.signedAtShown())
            .filter(part -> !part.isEmpty())
            .collect(Collectors.joining(", "));
    return who.isEmpty() ? signature.verdict() : who + ": " + signature.verdict();
  }

  /**
   * The signatures of a PDF read from a stream: it is copied to a temporary file first, so that the
   * whole file is never held in memory.
   */
  public List<PdfSignature> read(InputStream pdf) {
    Path copy = null;
    try {
      copy = Files.createTempFile("danvan-pdf-", ".pdf");
      Files.copy(pdf, copy, StandardCopyOption.REPLACE_EXISTING);
      return read(copy);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      if (copy != null) {
        try {
          Files.deleteIfExists(copy);
        } catch (IOException e) {
          copy.toFile().deleteOnExit();
        }
      }
    }
  }

  /**
   * The signatures of a PDF file, in the order of its signature fields; empty when it has none.
   *
   * @throws InvalidInputException when the file is not a PDF, is corrupt, needs a password to open
   *     or has more than {@link #MAX_SIGNATURES} signatures
   */
  public List<PdfSignature> read(Path pdf) {
    try (RandomAccessRead file = new RandomAccessReadBufferedFile(pdf)) {
      requirePdfHeader(file);
      List<Field> fields = signatureFields(pdf);
      if (fields.isEmpty()) {
        return List.of();
      }
      List<Long> revisionEnds = revisionEnds(file);
      List<PdfSignature> signatures = new ArrayList<>();
      for (Field field : fields) {
        signatures.add(check(file, revisionEnds, field));
      }
      return signatures;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** What PDFBox tells of a signature field, read while the document is open. */
  private record Field(long[] byteRange, String subFilter, Instant statedTime) {}

  private static List<Field> signatureFields(Path pdf) {
    List<Field> fields = new ArrayList<>();
    try (RandomAccessRead source = new RandomAccessReadBufferedFile(pdf);
        PDDocument document =
            Loader.loadPDF(source, "", null, null, IOUtils.createTempFileOnlyStreamCache())) {
      for (PDSignature signature : document.getSignatureDictionaries()) {
        fields.add(field(signature));
        if (fields.size() > MAX_SIGNATURES) {
          break;
        }
      }
    } catch (InvalidPasswordException e) {
      throw new InvalidInputException(ENCRYPTED);
    } catch (IOException | RuntimeException e) {
      throw new InvalidInputException(CORRUPT);
    }
    if (fields.size() > MAX_SIGNATURES) {
      throw new InvalidInputException(TOO_MANY);
    }
    return fields;
  }

  private static Field field(PDSignature signature) {
    COSArray range = signature.getCOSObject().getCOSArray(COSName.BYTERANGE);
    long[] byteRange = null;
    if (range != null && range.size() == 4) {
      byteRange = new long[4];
      for (int i = 0; i < 4; i++) {
        byteRange[i] = range.getObject(i) instanceof COSNumber n ? n.longValue() : -1;
      }
    }
    Calendar stated = signature.getSignDate();
    String subFilter = signature.getSubFilter();
    return new Field(
        byteRange, subFilter == null ? "" : subFilter, stated == null ? null : stated.toInstant());
  }

  private PdfSignature check(RandomAccessRead file, List<Long> revisionEnds, Field field)
      throws IOException {
    long[] range = field.byteRange();
    long length = file.length();
    if (range == null
        || range[0] != 0
        || range[1] < 0
        || range[2] < range[1] + 2
        || range[3] < 0
        || range[2] > length
        || range[3] > length
        || range[2] + range[3] > length) {
      return unchecked(Status.MALFORMED);
    }
    if (range[2] - range[1] - 2 > 2L * MAX_SIGNATURE_BYTES) {
      return unchecked(Status.TOO_LARGE);
    }
    byte[] cms = hexString(file, range[1], (int) (range[2] - range[1]));
    long signedEnd = range[2] + range[3];
    boolean covers = signedEnd == length;
    int revision = (int) revisionEnds.stream().filter(end -> end <= signedEnd).count();
    int revisions = Math.max(revisionEnds.size(), covers ? revision : revision + 1);
    if (cms == null) {
      return unchecked(Status.MALFORMED);
    }
    try {
      CMSSignedData signed = new CMSSignedData(new SignedRanges(file, range), contentInfo(cms));
      SignerInformation signer = signed.getSignerInfos().getSigners().iterator().next();
      @SuppressWarnings("unchecked")
      Collection<X509CertificateHolder> own = signed.getCertificates().getMatches(signer.getSID());
      X509CertificateHolder holder = own.iterator().next();
      JcaX509CertificateConverter converter = new JcaX509CertificateConverter().setProvider(BC);
      X509Certificate certificate = converter.getCertificate(holder);
      Status bytes = verify(signed, signer, certificate, file, range, field.subFilter());
      if (bytes == Status.UNSUPPORTED) {
        return unchecked(Status.UNSUPPORTED);
      }
      boolean intact = bytes == Status.VALID;
      Instant signedAt = signingTime(signer, field.statedTime());
      Date at = Date.from(signedAt == null ? Instant.now() : signedAt);
      Trust trust = trust(certificate, signed, converter, at);
      Status status;
      if (!intact) {
        status = bytes;
      } else if (at.after(certificate.getNotAfter())) {
        status = Status.CERTIFICATE_EXPIRED;
      } else if (at.before(certificate.getNotBefore())) {
        status = Status.CERTIFICATE_NOT_YET_VALID;
      } else if (trust == Trust.UNTRUSTED) {
        status = Status.UNTRUSTED;
      } else if (!covers) {
        status = Status.AMENDED;
      } else {
        status = Status.VALID;
      }
      return new PdfSignature(
          name(holder.getSubject(), BCStyle.CN),
          name(holder.getSubject(), BCStyle.O),
          signedAt,
          revision,
          revisions,
          covers,
          intact,
          holder.isValidOn(at),
          trust,
          status);
    } catch (CMSException
        | GeneralSecurityException
        | OperatorCreationException
        | RuntimeException e) {
      // unreadable CMS, no signer, no signer certificate, an unknown algorithm
      return unchecked(Status.MALFORMED);
    }
  }

  /**
   * Whether the signature verifies over the signed bytes: VALID, MODIFIED when their digest is not
   * the one signed, NOT_SIGNERS_KEY when the signature was not made with the key of the signer's
   * certificate, UNSUPPORTED for a kind not checked.
   */
  private static Status verify(
      CMSSignedData signed,
      SignerInformation signer,
      X509Certificate certificate,
      RandomAccessRead file,
      long[] range,
      String subFilter)
      throws OperatorCreationException, GeneralSecurityException, IOException, CMSException {
    var verifier =
        new JcaSimpleSignerInfoVerifierBuilder().setProvider(BC).build(certificate.getPublicKey());
    switch (subFilter) {
      case "adbe.pkcs7.detached", "ETSI.CAdES.detached" -> {
        try {
          return signer.verify(verifier) ? Status.VALID : Status.NOT_SIGNERS_KEY;
        } catch (CMSSignerDigestMismatchException e) {
          return Status.MODIFIED;
        }
      }
      case "adbe.pkcs7.sha1" -> {
        // the CMS signs (encapsulates) the SHA-1 digest of the signed bytes
        CMSSignedData encapsulating = new CMSSignedData(signed.toASN1Structure());
        Object content = encapsulating.getSignedContent().getContent();
        MessageDigest sha1 = MessageDigest.getInstance("SHA-1");
        try (OutputStream out = new DigestOutputStream(OutputStream.nullOutputStream(), sha1)) {
          new SignedRanges(file, range).write(out);
        }
        if (!(content instanceof byte[] digest) || !Arrays.equals(digest, sha1.digest())) {
          return Status.MODIFIED;
        }
        SignerInformation own = encapsulating.getSignerInfos().get(signer.getSID());
        return own.verify(verifier) ? Status.VALID : Status.NOT_SIGNERS_KEY;
      }
      default -> {
        return Status.UNSUPPORTED;
      }
    }
  }

  /** The CMS structure at the start of the bytes (the hex string is padded with zeros). */
  private static ContentInfo contentInfo(byte[] cms) throws CMSException {
    try (ASN1InputStream in = new ASN1InputStream(cms)) {
      return ContentInfo.getInstance(in.readObject());
    } catch (IOException e) {
      throw new CMSException("not a CMS structure", e);
    }
  }

  private static Instant signingTime(SignerInformation signer, Instant stated) {
    AttributeTable attributes = signer.getSignedAttributes();
    Attribute time = attributes == null ? null : attributes.get(CMSAttributes.signingTime);
    if (time != null && time.getAttrValues().size() == 1) {
      return Time.getInstance(time.getAttrValues().getObjectAt(0)).getDate().toInstant();
    }
    return stated;
  }

  private Trust trust(
      X509Certificate certificate,
      CMSSignedData signed,
      JcaX509CertificateConverter converter,
      Date at)
      throws CertificateException {
    if (authorities.isEmpty()) {
      return Trust.NOT_CHECKED;
    }
    List<X509Certificate> carried = new ArrayList<>();
    for (Object holder : signed.getCertificates().getMatches(null)) {
      carried.add(converter.getCertificate((X509CertificateHolder) holder));
    }
    X509CertSelector target = new X509CertSelector();
    target.setCertificate(certificate);
    try {
      PKIXBuilderParameters parameters = new PKIXBuilderParameters(authorities, target);
      parameters.setRevocationEnabled(false);
      parameters.setDate(at);
      parameters.addCertStore(
          CertStore.getInstance("Collection", new CollectionCertStoreParameters(carried)));
      CertPathBuilder.getInstance("PKIX").build(parameters);
      return Trust.TRUSTED;
    } catch (GeneralSecurityException e) {
      return Trust.UNTRUSTED;
    }
  }

  /** The first value of an attribute of a name (CN, O), Vietnamese letters as they are. */
  private static String name(X500Name subject, ASN1ObjectIdentifier attribute) {
    RDN[] rdns = subject.getRDNs(attribute);
    if (rdns.length == 0) {
      return "";
    }
    var value = rdns[0].getFirst().getValue();
    return value instanceof ASN1String text ? text.getString() : IETFUtils.valueToString(value);
  }

  private static PdfSignature unchecked(Status status) {
    return new PdfSignature("", "", null, 0, 0, false, false, false, Trust.NOT_CHECKED, status);
  }

  private static void requirePdfHeader(RandomAccessRead file) throws IOException {
    byte[] head = new byte[(int) Math.min(HEADER_BYTES, file.length())];
    file.seek(0);
    int read = file.read(head, 0, head.length);
    if (read < PDF_HEADER.length || indexOf(head, read, PDF_HEADER) < 0) {
      throw new InvalidInputException(NOT_PDF);
    }
  }

  private static int indexOf(byte[] data, int length, byte[] pattern) {
    outer:
    for (int i = 0; i + pattern.length <= length; i++) {
      for (int j = 0; j < pattern.length; j++) {
        if (data[i + j] != pattern[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  /** The offsets just after each end-of-file marker: where each revision of the file ends. */
  private static List<Long> revisionEnds(RandomAccessRead file) throws IOException {
    List<Long> ends = new ArrayList<>();
    file.seek(0);
    byte[] buffer = new byte[64 * 1024];
    int matched = 0;
    long position = 0;
    for (int read; (read = file.read(buffer, 0, buffer.length)) > 0; ) {
      for (int i = 0; i < read; i++) {
        byte b = buffer[i];
        matched = b == END_OF_FILE[matched] ? matched + 1 : (b == END_OF_FILE[0] ? 1 : 0);
        if (matched == END_OF_FILE.length) {
          ends.add(position + i + 1);
          matched = 0;
        }
      }
      position += read;
    }
    return ends;
  }

  /** The bytes of the hex string {@code <…>} that fills the gap between the signed ranges. */
  private static byte[] hexString(RandomAccessRead file, long offset, int length)
      throws IOException {
    byte[] gap = new byte[length];
    file.seek(offset);
    int filled = 0;
    for (int read; filled < length && (read = file.read(gap, filled, length - filled)) > 0; ) {
      filled += read;
    }
    if (filled < length || gap[0] != '<' || gap[length - 1] != '>') {
      return null;
    }
    byte[] bytes = new byte[(length - 2) / 2];
    int digits = 0;
    for (int i = 1; i < length - 1; i++) {
      int digit = Character.digit(gap[i], 16);
      if (digit < 0) {
        if (Character.isWhitespace(gap[i])) {
          continue;
        }
        return null;
      }
      if (digits % 2 == 0) {
        bytes[digits / 2] = (byte) (digit << 4);
      } else {
        bytes[digits / 2] |= (byte) digit;
      }
      digits++;
    }
    return digits % 2 == 0 ? Arrays.copyOf(bytes, digits / 2) : null;
  }

  /** The signed bytes, streamed from the file into the digest when the CMS verifies. */
  private record SignedRanges(RandomAccessRead file, long[] range) implements CMSTypedData {

    @Override
    public ASN1ObjectIdentifier getContentType() {
      return CMSObjectIdentifiers.data;
    }

    @Override
    public void write(OutputStream out) throws IOException {
      copy(range[0], range[1], out);
      copy(range[2], range[3], out);
    }

    private void copy(long offset, long length, OutputStream out) throws IOException {
      byte[] buffer = new byte[64 * 1024];
      file.seek(offset);
      long left = length;
      while (left > 0) {
        int read = file.read(buffer, 0, (int) Math.min(buffer.length, left));
        if (read <= 0) {
          throw new IOException("the file ended inside a signed range");
        }
        out.write(buffer, 0, read);
        left -= read;
      }
    }

    @Override
    public Object getContent() {
      return null;
    }
  }
}
