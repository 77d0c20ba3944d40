package org.nianbao.spark;

import java.io.Serializable;

/**
 * One input's report as it travels between the job's stages: where the walk met it (to decide which of
 * several identical inputs is the first, as the command line does), the keys the stages group and sort by,
 * and the report itself in the batch's binary form. A Java bean, so Spark encodes it as columns.
 */
public class Extracted implements Serializable {
  private static final long serialVersionUID = 1L;

  private int input;
  private String path = "";
  private int entry;
  private String source = "";
  private byte[] sourceOrder = new byte[0];
  private String reportId = "";
  private boolean unread;
  private String agencyGroup = "";
  private Integer year;
  private byte[] report = new byte[0];

  /** The position of its INPUT argument. */
  public int getInput() {
    return input;
  }

  public void setInput(int input) {
    this.input = input;
  }

  /** Its file's path below the input, folders separated by U+0000 so that strings sort as the walk goes. */
  public String getPath() {
    return path;
  }

  public void setPath(String path) {
    this.path = path;
  }

  /** Its place among the inputs its file holds (an archive's entries in walk order). */
  public int getEntry() {
    return entry;
  }

  public void setEntry(int entry) {
    this.entry = entry;
  }

  public String getSource() {
    return source;
  }

  public void setSource(String source) {
    this.source = source;
  }

  /** The source in UTF-16 (big-endian): as bytes, it sorts as Java sorts the strings, which the files follow. */
  public byte[] getSourceOrder() {
    return sourceOrder;
  }

  public void setSourceOrder(byte[] sourceOrder) {
    this.sourceOrder = sourceOrder;
  }

  public String getReportId() {
    return reportId;
  }

  public void setReportId(String reportId) {
    this.reportId = reportId;
  }

  /** Its bytes were never read (refused, empty): it is nobody's duplicate. */
  public boolean isUnread() {
    return unread;
  }

  public void setUnread(boolean unread) {
    this.unread = unread;
  }

  public String getAgencyGroup() {
    return agencyGroup;
  }

  public void setAgencyGroup(String agencyGroup) {
    this.agencyGroup = agencyGroup;
  }

  public Integer getYear() {
    return year;
  }

  public void setYear(Integer year) {
    this.year = year;
  }

  public byte[] getReport() {
    return report;
  }

  public void setReport(byte[] report) {
    this.report = report;
  }
}
