package vn.danvan.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.Provider;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Calendar;
import java.util.Date;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Signs PDFs inside a test as Vietnamese agencies do, with certificates of a test certification
 * authority made on the spot (RSA 2048): a detached CMS signature (adbe.pkcs7.detached or
 * ETSI.CAdES.detached) appended to the PDF as an incremental update, by PDFBox and Bouncy Castle.
 *
 * <pre>{@code
 * TestSigner.Authority ca = TestSigner.authority("CA thử nghiệm");
 * TestSigner signer = ca.signer("Nguyễn Văn An", "Sở Nội vụ tỉnh Mẫu");
 * byte[] signed = signer.sign(TestSigner.pdf("Bao cao so 12"));
 * }</pre>
 */
public final class TestSigner {

  private static final Provider BC = new BouncyCastleProvider();
  private static final AtomicLong SERIALS = new AtomicLong(System.currentTimeMillis());

  private final PrivateKey key;
  private final List<X509Certificate> chain;
  private final COSName subFilter;

  private TestSigner(PrivateKey key, List<X509Certificate> chain, COSName subFilter) {
    this.key = key;
    this.chain = chain;
    this.subFilter = subFilter;
  }

  /** A new certification authority, valid from a year ago for ten years. */
  public static Authority authority(String commonName) {
    KeyPair keys = rsaKeys();
    Instant now = Instant.now();
    X500Name name = name(commonName, "Tổ chức chứng thực thử nghiệm");
    X509Certificate certificate =
        issue(
            name,
            name,
            keys.getPublic(),
            keys.getPrivate(),
            now.minus(Duration.ofDays(365)),
            now.plus(Duration.ofDays(3650)),
            true);
    return new Authority(keys, certificate);
  }

  /** A certification authority of the test: it issues signers' certificates. */
  public static final class Authority {
    private final KeyPair keys;
    private final X509Certificate certificate;

    private Authority(KeyPair keys, X509Certificate certificate) {
      this.keys = keys;
      this.certificate = certificate;
    }

    public X509Certificate certificate() {
      return certificate;
    }

    /** The certificate as PEM, as an administrator configures a trusted authority. */
    public String pem() {
      try {
        return "-----BEGIN CERTIFICATE-----\n"
            + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(certificate.getEncoded())
            + "\n-----END CERTIFICATE-----\n";
      } catch (GeneralSecurityException e) {
        throw new IllegalStateException(e);
      }
    }

    /** A signer whose certificate is valid from a day ago for two years. */
    public TestSigner signer(String commonName, String organization) {
      Instant now = Instant.now();
      return signer(
          commonName, organization, now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(730)));
    }

    /** A signer whose certificate is valid between the two instants (e.g. expired already). */
    public TestSigner signer(
        String commonName, String organization, Instant notBefore, Instant notAfter) {
      KeyPair signerKeys = rsaKeys();
      X509Certificate issued =
          issue(
              name(commonName, organization),
              X500Name.getInstance(certificate.getSubjectX500Principal().getEncoded()),
              signerKeys.getPublic(),
              keys.getPrivate(),
              notBefore,
              notAfter,
              false);
      return new TestSigner(
          signerKeys.getPrivate(),
          List.of(issued, certificate),
          COSName.getPDFName("adbe.pkcs7.detached"));
    }
  }

  /** The same signer, signing as PAdES has it (ETSI.CAdES.detached). */
  public TestSigner cades() {
    return as(PDSignature.SUBFILTER_ETSI_CADES_DETACHED.getName());
  }

  /**
   * The same signer, naming another kind of signature (SubFilter) in the signature dictionary; for
   * "adbe.pkcs7.sha1" the CMS encapsulates the SHA-1 digest of the signed bytes, for any other it
   * is detached.
   */
  public TestSigner as(String subFilter) {
    return new TestSigner(key, chain, COSName.getPDFName(subFilter));
  }

  /**
   * A forger: signs with the impostor's key and puts this signer's certificate in the signature, as
   * if this signer had signed.
   */
  public TestSigner forgedBy(TestSigner impostor) {
    return new TestSigner(impostor.key, chain, subFilter);
  }

  /** The signer's certificate. */
  public X509Certificate certificate() {
    return chain.get(0);
  }

  /** A one-page PDF whose page shows the (ASCII) text, its content stream uncompressed. */
  public static byte[] pdf(String text) {
    try (PDDocument document = new PDDocument()) {
      PDPage page = new PDPage();
      document.addPage(page);
      try (PDPageContentStream content =
          new PDPageContentStream(document, page, AppendMode.OVERWRITE, false)) {
        content.beginText();
        content.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 14);
        content.newLineAtOffset(72, 700);
        content.showText(text);
        content.endText();
      }
      return bytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PDF encrypted (AES-128) with a password needed to open it. */
  public static byte[] encrypted(byte[] pdf, String userPassword) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      StandardProtectionPolicy policy =
          new StandardProtectionPolicy("chu-so-huu", userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return bytes(document);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The PDF with a later revision appended (its title changed), as an editor that saves
   * incrementally does after a signature.
   */
  public static byte[] amended(byte[] pdf, String title) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      document.getDocumentInformation().setTitle(title);
      document.getDocumentInformation().getCOSObject().setNeedToBeUpdated(true);
      document.getDocumentCatalog().getCOSObject().setNeedToBeUpdated(true);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The PDF signed now: a signature field appended as an incremental update. */
  public byte[] sign(byte[] pdf) {
    return sign(pdf, 0);
  }

  /**
   * The PDF signed now, with room for a signature of the given size in bytes (0: PDFBox's default).
   */
  public byte[] sign(byte[] pdf, int signatureSize) {
    try (PDDocument document = Loader.loadPDF(pdf);
        SignatureOptions options = new SignatureOptions()) {
      PDSignature signature = new PDSignature();
      signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
      signature.setSubFilter(subFilter);
      signature.setName(certificate().getSubjectX500Principal().getName());
      signature.setSignDate(Calendar.getInstance());
      if (signatureSize > 0) {
        options.setPreferredSignatureSize(signatureSize);
      }
      document.addSignature(signature, this::cms, options);
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.saveIncremental(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The CMS signature of the signed bytes (SHA-256 with RSA, the chain included). */
  private byte[] cms(InputStream content) throws IOException {
    try {
      ContentSigner signer =
          new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(key);
      CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
      generator.addSignerInfoGenerator(
          new JcaSignerInfoGeneratorBuilder(
                  new JcaDigestCalculatorProviderBuilder().setProvider(BC).build())
              .build(signer, certificate()));
      generator.addCertificates(new JcaCertStore(chain));
      byte[] signed = content.readAllBytes();
      if (subFilter.equals(PDSignature.SUBFILTER_ADBE_PKCS7_SHA1)) {
        byte[] digest = MessageDigest.getInstance("SHA-1").digest(signed);
        return generator.generate(new CMSProcessableByteArray(digest), true).getEncoded();
      }
      return generator.generate(new CMSProcessableByteArray(signed), false).getEncoded();
    } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
      throw new IOException(e);
    }
  }

  /** The bytes with the first occurrence of one ASCII text replaced by another as long. */
  public static byte[] replaced(byte[] pdf, String from, String to) {
    byte[] copy = pdf.clone();
    byte[] old = from.getBytes(StandardCharsets.ISO_8859_1);
    byte[] now = to.getBytes(StandardCharsets.ISO_8859_1);
    for (int i = 0; i + old.length <= copy.length; i++) {
      if (Arrays.equals(copy, i, i + old.length, old, 0, old.length)) {
        System.arraycopy(now, 0, copy, i, now.length);
        return copy;
      }
    }
    throw new IllegalArgumentException("not in the PDF: " + from);
  }

  private static byte[] bytes(PDDocument document) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }

  private static X500Name name(String commonName, String organization) {
    return new X500NameBuilder(BCStyle.INSTANCE)
        .addRDN(BCStyle.C, "VN")
        .addRDN(BCStyle.O, organization)
        .addRDN(BCStyle.CN, commonName)
        .build();
  }

  private static KeyPair rsaKeys() {
    try {
      KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
      generator.initialize(2048);
      return generator.generateKeyPair();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static X509Certificate issue(
      X500Name subject,
      X500Name issuer,
      PublicKey publicKey,
      PrivateKey issuerKey,
      Instant notBefore,
      Instant notAfter,
      boolean authority) {
    try {
      JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
      var builder =
          new JcaX509v3CertificateBuilder(
                  issuer,
                  BigInteger.valueOf(SERIALS.incrementAndGet()),
                  Date.from(notBefore),
                  Date.from(notAfter),
                  subject,
                  publicKey)
              .addExtension(Extension.basicConstraints, true, new BasicConstraints(authority))
              .addExtension(
                  Extension.keyUsage,
                  true,
                  new KeyUsage(
                      authority
                          ? KeyUsage.keyCertSign | KeyUsage.cRLSign
                          : KeyUsage.digitalSignature | KeyUsage.nonRepudiation))
              .addExtension(
                  Extension.subjectKeyIdentifier,
                  false,
                  extensions.createSubjectKeyIdentifier(publicKey));
      ContentSigner signer =
          new JcaContentSignerBuilder("SHA256withRSA").setProvider(BC).build(issuerKey);
      return new JcaX509CertificateConverter()
          .setProvider(BC)
          .getCertificate(builder.build(signer));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  /** The certificates the signature carries, the signer's first. */
  public List<X509Certificate> chain() {
    return new ArrayList<>(chain);
  }
}
