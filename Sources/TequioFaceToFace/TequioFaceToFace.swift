/// Face-to-face delivery: the printable workshop kit, blank matrices as XLSX and ODS, and the import
/// of filled spreadsheets into completed-matrix files.
public enum TequioFaceToFace {}
