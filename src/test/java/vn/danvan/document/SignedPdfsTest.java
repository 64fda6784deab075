package vn.danvan.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.form.PDAcroForm;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.danvan.document.PdfSignature.Status;
import vn.danvan.document.PdfSignature.Trust;
import vn.danvan.input.InvalidInputException;
import vn.danvan.support.TestSigner;

/**
 * PDFs signed inside the test by a test certification authority, read back by {@link SignedPdfs}:
 * the signer, the signing time in Asia/Ho_Chi_Minh and the verdict of each case (the tests run in a
 * server zone far from Vietnam).
 */
class SignedPdfsTest {

  static final String SIGNER = "Nguyễn Văn An";
  static final String BODY = "Sở Nội vụ tỉnh Mẫu";
  static final DateTimeFormatter SHOWN =
      DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Asia/Ho_Chi_Minh"));

  static TestSigner.Authority authority;
  static TestSigner signer;
  static byte[] unsigned;

  @TempDir Path folder;

  private final SignedPdfs signedPdfs = new SignedPdfs();

  @BeforeAll
  static void authorityAndSigner() {
    authority = TestSigner.authority("CA thử nghiệm Ban Cơ yếu");
    signer = authority.signer(SIGNER, BODY);
    unsigned = TestSigner.pdf("Bao cao so 12/BC-SNV");
  }

  @Test
  void aSignedPdfShowsItsSignerItsTimeInVietnamAndIsValid() throws IOException {
    Instant before = Instant.now();
    byte[] signed = signer.sign(unsigned);
    Instant after = Instant.now();

    List<PdfSignature> signatures = signedPdfs.read(file(signed));

    assertThat(signatures).hasSize(1);
    PdfSignature signature = signatures.get(0);
    assertThat(signature.signer()).isEqualTo(SIGNER);
    assertThat(signature.organization()).isEqualTo(BODY);
    assertThat(signature.signerName()).isEqualTo("Nguyễn Văn An, Sở Nội vụ tỉnh Mẫu");
    assertThat(signature.signedAt())
        .isBetween(before.minus(Duration.ofSeconds(1)), after.plus(Duration.ofSeconds(1)));
    assertThat(signature.signedAtShown())
        .isEqualTo(SHOWN.format(signature.signedAt()))
        .isIn(SHOWN.format(before.minus(Duration.ofSeconds(1))), SHOWN.format(after));
    assertThat(signature.intact()).isTrue();
    assertThat(signature.coversWholeDocument()).isTrue();
    assertThat(signature.certificateValidAtSigning()).isTrue();
    assertThat(signature.trust()).isEqualTo(Trust.NOT_CHECKED);
    assertThat(signature.status()).isEqualTo(Status.VALID);
    assertThat(signature.revision()).isEqualTo(signature.revisions()).isEqualTo(2);
    assertThat(signature.verdict()).isEqualTo("Chữ ký hợp lệ; không kiểm tra được chuỗi tin cậy");
    assertThat(SignedPdfs.summary(signatures))
        .isEqualTo(
            "Nguyễn Văn An, Sở Nội vụ tỉnh Mẫu, "
                + signature.signedAtShown()
                + ": Chữ ký hợp lệ; không kiểm tra được chuỗi tin cậy");
  }

  /** The zone of the server (America/Los_Angeles in the tests) is not the one shown. */
  @Test
  void theSigningTimeIsShownInVietnamWhateverTheServerZone() {
    Instant sevenInTheMorningInHanoi = Instant.parse("2026-12-07T00:00:00Z");
    PdfSignature signature =
        new PdfSignature(
            SIGNER,
            BODY,
            sevenInTheMorningInHanoi,
            1,
            1,
            true,
            true,
            true,
            Trust.NOT_CHECKED,
            Status.VALID);
    assertThat(signature.signedAtShown()).isEqualTo("07/12/2026 07:00");
  }

  @Test
  void aPadesSignatureReadFromAStreamIsValid() {
    byte[] signed = signer.cades().sign(unsigned);

    List<PdfSignature> signatures = signedPdfs.read(new ByteArrayInputStream(signed));

    assertThat(signatures)
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.signer()).isEqualTo(SIGNER);
              assertThat(signature.intact()).isTrue();
              assertThat(signature.status()).isEqualTo(Status.VALID);
            });
  }

  /** The older kind: the CMS signs the SHA-1 digest of the signed bytes, which it carries. */
  @Test
  void anAdbePkcs7Sha1SignatureIsCheckedAgainstTheDigestItCarries() throws IOException {
    byte[] signed = signer.as("adbe.pkcs7.sha1").sign(unsigned);
    byte[] changed = TestSigner.replaced(signed, "Bao cao so 12", "Bao cao so 13");

    PdfSignature valid = signedPdfs.read(file(signed)).get(0);
    PdfSignature modified = signedPdfs.read(file(changed)).get(0);

    assertThat(valid.signer()).isEqualTo(SIGNER);
    assertThat(valid.intact()).isTrue();
    assertThat(valid.status()).isEqualTo(Status.VALID);
    assertThat(modified.intact()).isFalse();
    assertThat(modified.status()).isEqualTo(Status.MODIFIED);
  }

  @Test
  void aKindOfSignatureNotCheckedIsSaidSo() throws IOException {
    byte[] signed = signer.as("adbe.x509.rsa_sha1").sign(unsigned);

    List<PdfSignature> signatures = signedPdfs.read(file(signed));

    assertThat(signatures)
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.status()).isEqualTo(Status.UNSUPPORTED);
              assertThat(signature.intact()).isFalse();
            });
    assertThat(SignedPdfs.summary(signatures)).isEqualTo("Không kiểm tra được kiểu chữ ký số này");
  }

  @Test
  void aDocumentChangedAfterSigningIsNotIntact() throws IOException {
    byte[] signed = signer.sign(unsigned);
    byte[] changed = TestSigner.replaced(signed, "Bao cao so 12", "Bao cao so 13");

    List<PdfSignature> signatures = signedPdfs.read(file(changed));

    assertThat(signatures)
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.signerName()).isEqualTo("Nguyễn Văn An, Sở Nội vụ tỉnh Mẫu");
              assertThat(signature.coversWholeDocument()).isTrue();
              assertThat(signature.intact()).isFalse();
              assertThat(signature.status()).isEqualTo(Status.MODIFIED);
              assertThat(signature.verdict()).isEqualTo("Văn bản đã bị sửa sau khi ký");
            });
  }

  /** Someone signs with their own key and puts the official's certificate in the signature. */
  @Test
  void aSignatureNotMadeWithTheSignersKeyIsNotIntact() throws IOException {
    TestSigner impostor = authority.signer("Kẻ mạo danh", BODY);
    byte[] forged = signer.forgedBy(impostor).sign(unsigned);

    List<PdfSignature> signatures = signedPdfs.read(file(forged));

    assertThat(signatures)
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.signer()).isEqualTo(SIGNER);
              assertThat(signature.intact()).isFalse();
              assertThat(signature.status()).isEqualTo(Status.NOT_SIGNERS_KEY);
              assertThat(signature.verdict())
                  .isEqualTo("Chữ ký số không khớp với chứng thư số của người ký");
            });
  }

  @Test
  void anUnsignedPdfHasNoSignature() throws IOException {
    List<PdfSignature> signatures = signedPdfs.read(file(unsigned));

    assertThat(signatures).isEmpty();
    assertThat(SignedPdfs.summary(signatures)).isEqualTo("Không có chữ ký số");
  }

  @Test
  void aCertificateExpiredBeforeSigningIsReported() throws IOException {
    Instant now = Instant.now();
    TestSigner expired =
        authority.signer(
            SIGNER, BODY, now.minus(Duration.ofDays(400)), now.minus(Duration.ofDays(1)));
    byte[] signed = expired.sign(unsigned);

    List<PdfSignature> signatures = signedPdfs.read(file(signed));

    assertThat(signatures)
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.intact()).isTrue();
              assertThat(signature.certificateValidAtSigning()).isFalse();
              assertThat(signature.status()).isEqualTo(Status.CERTIFICATE_EXPIRED);
              assertThat(signature.verdict()).isEqualTo("Chứng thư số đã hết hạn khi ký");
            });
  }

  @Test
  void aRevisionAppendedAfterSigningLeavesTheSignedRevisionIntact() throws IOException {
    byte[] amended = TestSigner.amended(signer.sign(unsigned), "Báo cáo đã sửa");

    List<PdfSignature> signatures = signedPdfs.read(file(amended));

    assertThat(signatures)
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.intact()).isTrue();
              assertThat(signature.coversWholeDocument()).isFalse();
              assertThat(signature.revision()).isEqualTo(2);
              assertThat(signature.revisions()).isEqualTo(3);
              assertThat(signature.status()).isEqualTo(Status.AMENDED);
              assertThat(signature.verdict())
                  .isEqualTo(
                      "Văn bản đã được bổ sung sau khi ký (chữ ký áp dụng cho phiên bản 2/3);"
                          + " không kiểm tra được chuỗi tin cậy");
            });
  }

  @Test
  void aSecondSignatureCoversTheFirstWhichNoLongerCoversTheWholeDocument() throws IOException {
    TestSigner director = authority.signer("Trần Thị Bình", "Văn phòng UBND tỉnh Mẫu");
    byte[] twice = director.sign(signer.sign(unsigned));

    List<PdfSignature> signatures = signedPdfs.read(file(twice));

    assertThat(signatures)
        .extracting(PdfSignature::signer)
        .containsExactly(SIGNER, "Trần Thị Bình");
    assertThat(signatures).extracting(PdfSignature::intact).containsExactly(true, true);
    assertThat(signatures)
        .extracting(PdfSignature::coversWholeDocument)
        .containsExactly(false, true);
    assertThat(signatures)
        .extracting(PdfSignature::status)
        .containsExactly(Status.AMENDED, Status.VALID);
  }

  @Test
  void theChainOfTrustIsCheckedAgainstTheConfiguredAuthorities() throws IOException {
    byte[] signed = signer.sign(unsigned);
    SignedPdfs trusting = new SignedPdfs(SignedPdfs.certificates(pem(authority)));
    SignedPdfs trustingAnother =
        new SignedPdfs(SignedPdfs.certificates(pem(TestSigner.authority("CA khác"))));

    PdfSignature trusted = trusting.read(file(signed)).get(0);
    PdfSignature untrusted = trustingAnother.read(file(signed)).get(0);

    assertThat(trusted.trust()).isEqualTo(Trust.TRUSTED);
    assertThat(trusted.verdict()).isEqualTo("Chữ ký hợp lệ");
    assertThat(untrusted.trust()).isEqualTo(Trust.UNTRUSTED);
    assertThat(untrusted.intact()).isTrue();
    assertThat(untrusted.verdict())
        .isEqualTo("Chứng thư số không do tổ chức chứng thực tin cậy cấp");
  }

  /** What an administrator configures: a PEM file of the trusted authorities' certificates. */
  @Test
  void theTrustedAuthoritiesAreReadFromTheConfiguredFile() throws IOException {
    Path pem = Files.writeString(folder.resolve("ca-tin-cay.pem"), authority.pem());
    byte[] signed = signer.sign(unsigned);

    SignedPdfs configured = new DocumentConfiguration().signedPdfs(pem.toString());
    SignedPdfs unconfigured = new DocumentConfiguration().signedPdfs("");

    assertThat(configured.read(file(signed)))
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.trust()).isEqualTo(Trust.TRUSTED);
              assertThat(signature.status()).isEqualTo(Status.VALID);
            });
    assertThat(unconfigured.read(file(signed)))
        .extracting(PdfSignature::trust)
        .containsExactly(Trust.NOT_CHECKED);
  }

  @Test
  void aFileThatIsNotAPdfIsRefusedInVietnamese() throws IOException {
    byte[] text = "Xin chào, đây không phải tệp PDF".getBytes(StandardCharsets.UTF_8);

    assertThatThrownBy(() -> signedPdfs.read(file(text)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Tệp không phải là tệp PDF.");
    assertThatThrownBy(() -> signedPdfs.read(file(new byte[0])))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Tệp không phải là tệp PDF.");
  }

  @Test
  void aCorruptPdfIsRefusedInVietnamese() throws IOException {
    byte[] corrupt =
        "%PDF-1.7\n1 0 obj\n<< /Type /Catalog /Pages 9 0 R\nxref\ntrailer\n<< /Root 1 0 R"
            .getBytes(StandardCharsets.US_ASCII);

    assertThatThrownBy(() -> signedPdfs.read(file(corrupt)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Tệp PDF bị hỏng, không đọc được chữ ký số.");
  }

  @Test
  void aPdfThatNeedsAPasswordIsRefusedInVietnamese() throws IOException {
    byte[] locked = TestSigner.encrypted(unsigned, "mat-khau");

    assertThatThrownBy(() -> signedPdfs.read(file(locked)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Tệp PDF có mật khẩu mở tệp, không đọc được chữ ký số.");
  }

  @Test
  void aSignatureLargerThanTheLimitIsNotRead() throws IOException {
    byte[] signed = signer.sign(unsigned, SignedPdfs.MAX_SIGNATURE_BYTES + 1024);

    List<PdfSignature> signatures = signedPdfs.read(file(signed));

    assertThat(signatures)
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.status()).isEqualTo(Status.TOO_LARGE);
              assertThat(signature.intact()).isFalse();
              assertThat(signature.verdict()).isEqualTo("Chữ ký số quá lớn, không kiểm tra");
            });
  }

  @Test
  void aSignatureWhoseBytesAreNotACmsIsMalformed() throws IOException {
    byte[] signed = signer.sign(unsigned);
    // the signature's hex string starts "<30": an ASN.1 sequence; "<00" is none
    byte[] broken = TestSigner.replaced(signed, "/Contents <30", "/Contents <00");

    List<PdfSignature> signatures = signedPdfs.read(file(broken));

    assertThat(signatures)
        .singleElement()
        .satisfies(
            signature -> {
              assertThat(signature.status()).isEqualTo(Status.MALFORMED);
              assertThat(signature.verdict())
                  .isEqualTo("Chữ ký số sai cấu trúc, không kiểm tra được");
            });
  }

  @Test
  void signatureFieldsWithoutByteRangesAreMalformedAndTooManyAreRefused() throws IOException {
    byte[] two = withEmptySignatureFields(2);
    byte[] tooMany = withEmptySignatureFields(SignedPdfs.MAX_SIGNATURES + 1);

    assertThat(signedPdfs.read(file(two)))
        .extracting(PdfSignature::status)
        .containsExactly(Status.MALFORMED, Status.MALFORMED);
    assertThatThrownBy(() -> signedPdfs.read(file(tooMany)))
        .isInstanceOf(InvalidInputException.class)
        .hasMessage("Tệp PDF có quá nhiều chữ ký số (quá 50).");
  }

  /**
   * Signed PDFs cut short or with bytes overwritten anywhere (a fixed seed): each is answered with
   * its signatures' verdicts or refused in Vietnamese, never with another exception.
   */
  @Test
  void damagedSignedPdfsAreAnsweredOrRefusedNeverFailedOn() throws IOException {
    byte[] signed = signer.sign(unsigned);
    Random random = new Random(23);
    List<String> raw = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      byte[] damaged;
      if (i % 2 == 0) {
        damaged = Arrays.copyOf(signed, random.nextInt(signed.length));
      } else {
        damaged = signed.clone();
        for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
          damaged[random.nextInt(damaged.length)] = (byte) random.nextInt(256);
        }
      }
      try {
        signedPdfs.read(file(damaged));
      } catch (InvalidInputException refused) {
        assertThat(refused.getMessage()).startsWith("Tệp");
      } catch (RuntimeException e) {
        raw.add(i + ": " + e);
      }
    }
    assertThat(raw).isEmpty();
  }

  /** A PDF with signature fields whose signature dictionaries hold no byte range nor content. */
  private static byte[] withEmptySignatureFields(int count) throws IOException {
    try (PDDocument document = Loader.loadPDF(unsigned)) {
      PDAcroForm form = new PDAcroForm(document);
      document.getDocumentCatalog().setAcroForm(form);
      for (int i = 0; i < count; i++) {
        PDSignatureField field = new PDSignatureField(form);
        field.setValue(new PDSignature());
        form.getFields().add(field);
      }
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    }
  }

  private Path file(byte[] bytes) throws IOException {
    Path file = Files.createTempFile(folder, "tep-", ".pdf");
    return Files.write(file, bytes);
  }

  private static InputStream pem(TestSigner.Authority authority) {
    return new ByteArrayInputStream(authority.pem().getBytes(StandardCharsets.US_ASCII));
  }
}
