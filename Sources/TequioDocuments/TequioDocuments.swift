/// Action-plan documents assembled from completed matrices: DOCX, ODT, HTML and Markdown.
public enum TequioDocuments {}
