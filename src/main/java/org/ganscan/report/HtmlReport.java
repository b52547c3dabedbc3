package org.ganscan.report;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.text.StringEscapeUtils;
import org.ganscan.group.Group;
import org.ganscan.records.FaceRecord;
import org.ganscan.records.Numbers;
import org.ganscan.records.ScanRecord;
import org.ganscan.scan.ScanResult;
import org.ganscan.scan.ToolInfo;
import org.ganscan.trait.TraitScore;

/**
 * One self-contained HTML page: summary and provenance, a sortable, filterable table, per-image
 * detail with the overlay and every trait, and the groups with their composite figures. Images
 * are embedded as data URIs; the page fetches nothing. Every string from a file name or a record
 * is escaped.
 */
public final class HtmlReport {
  /**
   * One image's row: its record, an optional thumbnail and overlay (PNG or JPEG bytes).
   *
   * @param overlayMissing why there is no overlay, shown instead of it
   */
  public record Row(ScanRecord record, Optional<byte[]> thumbnail, Optional<byte[]> overlay, String overlayMissing) {}

  /** One group and its composite PNG, if any. */
  public record GroupView(Group group, Optional<byte[]> composite) {}

  private HtmlReport() {}

  public static String render(List<Row> rows, List<GroupView> groups) {
    StringBuilder h = new StringBuilder(1 << 16);
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src data:; style-src 'unsafe-inline'; script-src 'unsafe-inline'\">")
        .append("<title>ganscan report</title><style>").append(CSS).append("</style></head><body>\n");
    h.append("<h1>ganscan report</h1>\n");
    summary(h, rows);
    table(h, rows);
    details(h, rows);
    groups(h, groups);
    h.append("<script>").append(JS).append("</script>\n</body></html>\n");
    return h.toString();
  }

  private static String esc(String s) {
    return StringEscapeUtils.escapeHtml4(s == null ? "" : s);
  }

  private static String dataUri(byte[] bytes) {
    String type = bytes.length > 1 && (bytes[0] & 0xFF) == 0xFF ? "image/jpeg" : "image/png";
    return "data:" + type + ";base64," + Base64.getEncoder().encodeToString(bytes);
  }

  private static void summary(StringBuilder h, List<Row> rows) {
    Map<String, Integer> verdicts = new TreeMap<>();
    for (Row r : rows) {
      verdicts.merge(r.record().verdict().json(), 1, Integer::sum);
    }
    h.append("<section id=\"summary\"><h2>Summary</h2><p>").append(rows.size()).append(" file(s).</p><ul class=\"counts\">");
    verdicts.forEach((v, n) -> h.append("<li class=\"v-").append(esc(v)).append("\">").append(esc(v)).append(": <b>").append(n).append("</b></li>"));
    h.append("</ul>");
    if (!rows.isEmpty()) {
      ToolInfo tool = rows.get(0).record().tool();
      h.append("<h3>Provenance</h3><p>ganscan ").append(esc(tool.version())).append("; scorer ")
          .append(esc(tool.scorer())).append("</p><table class=\"models\"><tr><th>model</th><th>sha256</th></tr>");
      tool.models().forEach((k, v) -> h.append("<tr><td>").append(esc(k)).append("</td><td><code>").append(esc(v)).append("</code></td></tr>"));
      tool.scoreModel().ifPresent(m -> h.append("<tr><td>").append(esc(m.file())).append(" (score model, fitted ").append(esc(m.fittedOn()))
          .append(")</td><td><code>").append(esc(m.sha256())).append("</code></td></tr>"));
      h.append("</table>");
    }
    h.append("<p class=\"note\">Scores are the probability an image is synthetic. An FFHQ-style crop alone is not proof: real photos aligned the same way sit on the same spot. Read the reasons.</p></section>\n");
  }

  private static void table(StringBuilder h, List<Row> rows) {
    h.append("<section id=\"images\"><h2>Images</h2><p><input id=\"filter\" type=\"search\" placeholder=\"filter by name, verdict, reason\"> ")
        .append("<select id=\"verdict-filter\"><option value=\"\">all verdicts</option>");
    for (String v : List.of("synthetic", "inconclusive", "authentic", "not_applicable")) {
      h.append("<option value=\"").append(v).append("\">").append(v).append("</option>");
    }
    h.append("</select></p><table id=\"results\"><thead><tr><th>image</th><th data-sort=\"text\">file</th><th data-sort=\"text\">verdict</th>")
        .append("<th data-sort=\"number\" id=\"sort-score\">score</th><th>top reasons</th><th data-sort=\"text\">groups</th><th></th></tr></thead><tbody>\n");
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      ScanRecord rec = r.record();
      String verdict = rec.verdict().json();
      double score = rec.score() == null ? -1 : rec.score();
      h.append("<tr class=\"row v-").append(esc(verdict)).append("\" data-verdict=\"").append(esc(verdict)).append("\" data-score=\"")
          .append(String.format(Locale.ROOT, "%.4f", score)).append("\"><td>");
      r.thumbnail().ifPresent(t -> h.append("<img class=\"thumb\" alt=\"\" src=\"").append(dataUri(t)).append("\">"));
      h.append("</td><td class=\"file\" title=\"").append(esc(rec.path())).append("\">").append(esc(fileName(rec)))
          .append("</td><td class=\"verdict\">").append(esc(verdict)).append("</td><td class=\"score\">")
          .append(score < 0 ? "" : String.format(Locale.ROOT, "%.3f", score)).append("</td><td class=\"reasons\">");
      rec.reasons().forEach(x -> h.append("<div>").append(esc(x)).append("</div>"));
      if (rec.status() == ScanResult.Status.ERROR) {
        h.append("<div class=\"error\">").append(esc(rec.error())).append("</div>");
      }
      h.append("</td><td class=\"groups\">");
      (rec.groups() == null ? List.<String>of() : rec.groups())
          .forEach(g -> h.append("<a href=\"#group-").append(esc(g)).append("\">").append(esc(g)).append("</a> "));
      h.append("</td><td><a class=\"open\" href=\"#detail-").append(i).append("\" data-detail=\"detail-").append(i).append("\">details</a></td></tr>\n");
    }
    h.append("</tbody></table></section>\n");
  }

  private static String fileName(ScanRecord rec) {
    String p = rec.path();
    int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    return slash >= 0 ? p.substring(slash + 1) : p;
  }

  private static void details(StringBuilder h, List<Row> rows) {
    h.append("<section id=\"details\"><h2>Per-image detail</h2>\n");
    for (int i = 0; i < rows.size(); i++) {
      Row row = rows.get(i);
      ScanRecord rec = row.record();
      h.append("<article class=\"detail\" id=\"detail-").append(i).append("\" hidden><h3>").append(esc(fileName(rec))).append("</h3>")
          .append("<p><code>").append(esc(rec.path())).append("</code><br>sha256 <code>").append(esc(rec.sha256()))
          .append("</code><br>").append(esc(rec.format())).append(" ").append(rec.width()).append(" x ")
          .append(rec.height()).append(" px; verdict <b>").append(esc(rec.verdict().json())).append("</b></p>");
      row.overlay().ifPresentOrElse(o -> h.append("<img class=\"overlay\" alt=\"overlay\" src=\"").append(dataUri(o)).append("\">"),
          () -> {
            if (row.overlayMissing() != null) {
              h.append("<p class=\"note\">").append(esc(row.overlayMissing())).append("</p>");
            }
          });
      if (rec.overlayError() != null) {
        h.append("<p class=\"error\">overlay not written: ").append(esc(rec.overlayError())).append("</p>");
      }
      rec.mainFace().ifPresent(face -> traits(h, face));
      h.append("</article>\n");
    }
    h.append("</section>\n");
  }

  private static void traits(StringBuilder h, FaceRecord face) {
    h.append("<table class=\"traits\"><tr><th>trait</th><th>value</th><th>unit</th><th>score</th><th>why</th></tr>");
    for (TraitScore t : face.traits()) {
      h.append("<tr><td>").append(esc(t.name())).append("</td><td>").append(t.value() == null ? "null" : Numbers.round(t.value(), 5))
          .append("</td><td>").append(esc(t.unit())).append("</td><td>").append(t.score() == null ? "null" : Numbers.round(t.score(), 4))
          .append("</td><td>").append(esc(t.why())).append("</td></tr>");
    }
    h.append("</table>");
  }

  private static void groups(StringBuilder h, List<GroupView> groups) {
    h.append("<section id=\"groups\"><h2>Groups</h2>");
    if (groups.isEmpty()) {
      h.append("<p>No groups (run <code>ganscan group</code> and pass <code>--groups groups.json</code>).</p>");
    }
    for (GroupView g : groups) {
      Group j = g.group();
      h.append("<article class=\"group\" id=\"group-").append(esc(j.id())).append("\"><h3>").append(esc(j.id()))
          .append(" (").append(esc(j.kind().json())).append(")</h3><p>").append(esc(j.why())).append("</p>");
      g.composite().ifPresent(c -> h.append("<img class=\"composite\" alt=\"composite\" src=\"").append(dataUri(c)).append("\">"));
      h.append("<ul>");
      j.members().forEach(m -> h.append("<li><code>").append(esc(m)).append("</code></li>"));
      h.append("</ul></article>\n");
    }
    h.append("</section>\n");
  }

  private static final String CSS = String.join("\n",
      "body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top}",
      "th[data-sort]{cursor:pointer;background:#eef}img.thumb{width:64px;height:64px;object-fit:cover}img.overlay,img.composite{max-width:100%}",
      ".v-synthetic .verdict{color:#D55E00;font-weight:bold}.v-inconclusive .verdict{color:#9a7d00}.v-authentic .verdict{color:#009E73}",
      ".reasons{max-width:36em;font-size:90%}.error{color:#D55E00}.note{color:#555}.detail{border:1px solid #999;padding:1em;margin:1em 0}");

  private static final String JS = String.join("\n",
      "const tbody=document.querySelector('#results tbody');",
      "document.querySelectorAll('#results th[data-sort]').forEach((th,i)=>{let asc=false;th.addEventListener('click',()=>{asc=!asc;",
      "const col=[...th.parentNode.children].indexOf(th);const rows=[...tbody.querySelectorAll('tr')];",
      "rows.sort((a,b)=>{let x,y;if(th.dataset.sort==='number'){x=parseFloat(a.dataset.score);y=parseFloat(b.dataset.score);}",
      "else{x=a.children[col].textContent;y=b.children[col].textContent;}return (x<y?-1:x>y?1:0)*(asc?1:-1);});rows.forEach(r=>tbody.appendChild(r));});});",
      "function applyFilter(){const q=document.getElementById('filter').value.toLowerCase();const v=document.getElementById('verdict-filter').value;",
      "tbody.querySelectorAll('tr').forEach(r=>{const ok=(!q||r.textContent.toLowerCase().includes(q))&&(!v||r.dataset.verdict===v);r.style.display=ok?'':'none';});}",
      "document.getElementById('filter').addEventListener('input',applyFilter);document.getElementById('verdict-filter').addEventListener('change',applyFilter);",
      "document.querySelectorAll('a.open').forEach(a=>a.addEventListener('click',e=>{document.querySelectorAll('article.detail').forEach(d=>d.hidden=true);",
      "const d=document.getElementById(a.dataset.detail);d.hidden=false;}));");
}
