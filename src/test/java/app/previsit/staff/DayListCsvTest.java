package app.previsit.staff;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** Day lists as real systems export them, read by the pure parser. */
class DayListCsvTest {
  @Test
  void anExcelCsvUtf8FileWithABomAndClinicalSystemHeadersIsRead() {
    String file = "\uFEFFPatient Name,Appointment Date,Appointment Time,Clinician,NHS Number,DOB,Reference\r\n"
        + "Margaret Ellis,02/12/2026,14:20,Dr Patel,943 476 5919,14/03/1956,R-1\r\n"
        + "\"O'Neill, Sean\",3/12/26,9.05,Dr Patel,,1/2/61,\r\n";
    DayListCsv.Parsed p = DayListCsv.parse(file);
    assertNull(p.problem());
    assertEquals(2, p.rows().size());
    DayListCsv.Row a = p.rows().get(0);
    assertTrue(a.ok(), a.error());
    assertEquals("Margaret Ellis", a.patientName());
    assertEquals(LocalDateTime.of(2026, 12, 2, 14, 20), a.appointmentAt());
    assertEquals(LocalDate.of(1956, 3, 14), a.dateOfBirth());
    assertEquals("R-1", a.reference());
    DayListCsv.Row b = p.rows().get(1);
    assertEquals("O'Neill, Sean", b.patientName());
    assertEquals(LocalDateTime.of(2026, 12, 3, 9, 5), b.appointmentAt());
    assertEquals(LocalDate.of(1961, 2, 1), b.dateOfBirth(), "a two-digit year of birth is last century");
    assertNull(b.reference());
  }

  @Test
  void semicolonsTabsAndOneAppointmentColumnWork() {
    DayListCsv.Parsed semi = DayListCsv.parse("patient name;appointment;clinician\nAnn Lee;02/12/2026 09:30;Dr Kaur\n");
    assertEquals(';', semi.delimiter());
    assertEquals(LocalDateTime.of(2026, 12, 2, 9, 30), semi.rows().get(0).appointmentAt());
    DayListCsv.Parsed tabs = DayListCsv.parse("Name\tDate\tTime\tDoctor\nBo Chan\t2026-12-02\t2:15 pm\tDr Kaur\n");
    assertEquals('\t', tabs.delimiter());
    assertEquals(LocalDateTime.of(2026, 12, 2, 14, 15), tabs.rows().get(0).appointmentAt());
    DayListCsv.Parsed old = DayListCsv.parse("patientName,appointmentAt,clinician,reference\nCy Dee,2026-12-02T10:00,Dr A,9\n");
    assertTrue(old.rows().get(0).ok(), "the original header still works");
  }

  @Test
  void problemsAreSaidInPlainWordsNamingThePatient() {
    DayListCsv.Parsed p = DayListCsv.parse("Patient Name,Appointment Date,Appointment Time,Clinician\n"
        + "Dee Ray,31/02/2026,10:00,Dr A\n" + "Eve Fox,02/12/2026,25:10,Dr A\n" + ",02/12/2026,10:00,\n" + "Flo Gee,tomorrow,10:00,Dr A\n");
    assertEquals("Row 2 (Dee Ray)", p.rows().get(0).label());
    assertEquals("The appointment date '31/02/2026' is not a real date.", p.rows().get(0).error());
    assertEquals("The appointment time '25:10' is not a real time.", p.rows().get(1).error());
    assertEquals("The patient's name is missing; the clinician is missing.", p.rows().get(2).error());
    assertTrue(p.rows().get(3).error().contains("'tomorrow' is not a date like 31/12/2026"));
  }

  @Test
  void aFileWithoutTheNeededColumnsSaysWhichAreMissing() {
    DayListCsv.Parsed p = DayListCsv.parse("Surname,Forename,When\nLee,Ann,10:00\n");
    assertTrue(p.problem().contains("Patient Name") && p.problem().contains("Clinician") && p.problem().contains("Surname"),
        p.problem());
    assertEquals("The file is empty.", DayListCsv.parse("\uFEFF  \n").problem());
  }
}
