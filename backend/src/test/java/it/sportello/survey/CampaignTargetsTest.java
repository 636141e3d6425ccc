package it.sportello.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import it.sportello.shared.FieldViolation;
import it.sportello.shared.InvalidRequestException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

class CampaignTargetsTest {

  @Test
  void aCsvWithSemicolonsAndAnyColumnOrderIsRead() throws Exception {
    var targets =
        CampaignTargets.read(
            "list.csv",
            bytes(
                "\uFEFFName;Language;EMAIL\nAnna;EN; Anna@Example.org \nLuca;;luca@example.org\n"),
            Campaigns.Channel.CAWI);
    assertThat(targets)
        .containsExactly(
            new CampaignTargets.Target(2, "anna@example.org", null, "Anna", "en"),
            new CampaignTargets.Target(3, "luca@example.org", null, "Luca", null));
  }

  @Test
  void everyBadRowIsReportedByRowNumberAndFieldAndNothingIsKept() {
    assertThatThrownBy(
            () ->
                CampaignTargets.read(
                    "list.csv",
                    bytes("email,phone,language\nok@example.org,,it\nwrong,,xx\n,,it\n"),
                    Campaigns.Channel.CAWI))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.violations().stream().map(FieldViolation::field))
                    .containsExactly("rows[3].email", "rows[3].language", "rows[4].email"));
  }

  @Test
  void aPhoneCampaignNeedsPhonesAndReadsExcel() throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (XSSFWorkbook workbook = new XSSFWorkbook()) {
      var sheet = workbook.createSheet("Elenco");
      var header = sheet.createRow(0);
      header.createCell(0).setCellValue("phone");
      header.createCell(1).setCellValue("name");
      var row = sheet.createRow(1);
      row.createCell(0).setCellValue("+39 06 1234567");
      row.createCell(1).setCellValue("Mario");
      var bad = sheet.createRow(2);
      bad.createCell(1).setCellValue("Senza numero");
      workbook.write(out);
    }
    assertThatThrownBy(
            () ->
                CampaignTargets.read(
                    "elenco.xlsx",
                    new ByteArrayInputStream(out.toByteArray()),
                    Campaigns.Channel.CATI))
        .isInstanceOfSatisfying(
            InvalidRequestException.class,
            e ->
                assertThat(e.violations().stream().map(FieldViolation::field))
                    .containsExactly("rows[3].phone"));
  }

  private static ByteArrayInputStream bytes(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
