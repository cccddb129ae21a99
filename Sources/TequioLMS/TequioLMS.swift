/// LMS and e-reader packages built around the web player: SCORM 1.2, SCORM 2004 4th Edition, cmi5,
/// IMS Content Packaging 1.1.4 and EPUB 3.
public enum TequioLMS {}
