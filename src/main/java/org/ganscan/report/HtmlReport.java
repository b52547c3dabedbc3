package org.ganscan.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.text.StringEscapeUtils;
import org.ganscan.group.Group;
import org.ganscan.records.FaceRecord;
import org.ganscan.records.Numbers;
import org.ganscan.records.ScanRecord;
import org.ganscan.scan.ToolInfo;
import org.ganscan.trait.TraitScore;

/**
 * The HTML report: one page that opens at 10,000 images and more. Pictures (thumbnails, overlays,
 * composites) are files in a sibling folder, loaded only when shown; the table is data the page
 * pages, sorts and filters itself; each image's detail (every trait and its why) sits in chunk
 * files beside the page, read when an analyst opens it. The page fetches nothing from a network,
 * and every string from a file name or a record reaches the page as text, never as markup.
 */
public final class HtmlReport {
  /** Images whose detail shares one chunk file. */
  public static final int DETAIL_CHUNK = 500;
  /** Table rows per page. */
  public static final int PAGE = 100;
  /** Thumbnails in the gallery of flagged images, highest score first. */
  public static final int GALLERY = 300;

  /**
   * One image's row: its record and where its pictures are, as paths relative to the page (null
   * when it has none).
   *
   * @param overlayMissing why there is no overlay, shown instead of it
   */
  public record Row(ScanRecord record, String thumbnail, String overlay, String overlayMissing) {}

  /** One group and its composite picture (a path relative to the page, or null). */
  public record GroupView(Group group, String composite) {}

  private static final ObjectMapper JSON = new ObjectMapper();

  private HtmlReport() {}

  /** Writes the page to {@code out}. */
  public static void render(Writer out, List<Row> rows, List<GroupView> groups, String filesFolder) throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
        + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; img-src 'self' file: data:; style-src 'unsafe-inline';"
        + " script-src 'unsafe-inline' 'self' file:\"><title>ganscan report</title><style>" + CSS + "</style></head><body>\n<h1>ganscan report</h1>\n");
    summary(out, rows, groups);
    gallery(out, rows);
    table(out, rows, filesFolder);
    out.write("<section id=\"details\"><h2>Image detail</h2><p class=\"note\" id=\"detail-hint\">Open an image's details from the table or the gallery.</p>"
        + "<article class=\"detail\" id=\"detail\" hidden></article></section>\n");
    groups(out, groups);
    out.write("<script>" + JS + "</script>\n</body></html>\n");
  }

  /** The detail data of rows {@code from} to {@code to} (exclusive), as the chunk file the page reads. */
  public static String detailChunk(List<Row> rows, int chunk) {
    List<Object> list = new ArrayList<>();
    int from = chunk * DETAIL_CHUNK;
    for (int i = from; i < Math.min(rows.size(), from + DETAIL_CHUNK); i++) {
      Row row = rows.get(i);
      ScanRecord r = row.record();
      Map<String, Object> d = new LinkedHashMap<>();
      d.put("name", fileName(r));
      d.put("path", r.path());
      d.put("sha256", r.sha256());
      d.put("format", r.format());
      d.put("size", r.width() == null ? null : r.width() + " x " + r.height() + " px");
      d.put("verdict", r.verdict().json());
      d.put("score", r.score());
      d.put("error", r.error());
      d.put("reasons", r.reasons());
      d.put("groups", r.groups() == null ? List.of() : r.groups());
      d.put("stages", r.stages());
      d.put("overlay", row.overlay());
      d.put("overlay_missing", row.overlayMissing());
      d.put("overlay_error", r.overlayError());
      List<List<Object>> traits = new ArrayList<>();
      r.mainFace().map(FaceRecord::traits).orElse(List.of()).forEach(t -> traits.add(trait(t)));
      d.put("traits", traits);
      list.add(d);
    }
    return "ganscanDetails(" + chunk + "," + json(list) + ");\n";
  }

  private static List<Object> trait(TraitScore t) {
    List<Object> out = new ArrayList<>();
    out.add(t.name());
    out.add(t.value() == null ? "null" : Numbers.round(t.value(), 5));
    out.add(t.unit());
    out.add(t.score() == null ? "null" : Numbers.round(t.score(), 4));
    out.add(t.why());
    return out;
  }

  private static String json(Object o) {
    try {
      // Safe inside a script element: no "</" can end it early.
      return JSON.writeValueAsString(o).replace("</", "<\\/").replace("<!--", "<\\!--");
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String esc(String s) {
    return StringEscapeUtils.escapeHtml4(s == null ? "" : s);
  }

  private static String fileName(ScanRecord rec) {
    String p = rec.path();
    int slash = Math.max(p.lastIndexOf('/'), p.lastIndexOf('\\'));
    return slash >= 0 ? p.substring(slash + 1) : p;
  }

  private static final List<String> VERDICTS = List.of("synthetic", "inconclusive", "authentic", "not_applicable");
  private static final Map<String, String> COLOURS = Map.of("synthetic", "#D55E00", "inconclusive", "#E69F00", "authentic", "#009E73");

  private static void summary(Writer out, List<Row> rows, List<GroupView> groups) throws IOException {
    Map<String, Integer> verdicts = new LinkedHashMap<>();
    VERDICTS.forEach(v -> verdicts.put(v, 0));
    for (Row r : rows) {
      verdicts.merge(r.record().verdict().json(), 1, Integer::sum);
    }
    StringBuilder h = new StringBuilder();
    h.append("<section id=\"summary\"><h2>Summary</h2><p>").append(rows.size()).append(" file(s).</p><ul class=\"counts\">");
    verdicts.forEach((v, n) -> h.append("<li class=\"v-").append(esc(v)).append("\">").append(esc(v)).append(": <b>").append(n).append("</b></li>"));
    h.append("</ul>");
    Map<Group.Kind, int[]> kinds = new EnumMap<>(Group.Kind.class);
    for (GroupView g : groups) {
      int[] c = kinds.computeIfAbsent(g.group().kind(), k -> new int[2]);
      c[0]++;
      c[1] += g.group().members().size();
    }
    h.append("<ul class=\"counts\" id=\"group-counts\">");
    if (groups.isEmpty()) {
      h.append("<li>no groups</li>");
    }
    kinds.forEach((k, c) -> h.append("<li>").append(esc(k.json())).append(" groups: <b>").append(c[0]).append("</b> (").append(c[1]).append(" images)</li>"));
    h.append("</ul>");
    histogram(h, rows);
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
    out.write(h.toString());
  }

  /** Scores in 20 bins, each bar stacked by verdict: where the batch sits against the bands. */
  private static void histogram(StringBuilder h, List<Row> rows) {
    int bins = 20;
    Map<String, int[]> counts = new TreeMap<>();
    for (String v : List.of("authentic", "inconclusive", "synthetic")) {
      counts.put(v, new int[bins]);
    }
    int max = 1;
    int[] totals = new int[bins];
    for (Row r : rows) {
      Double s = r.record().score();
      int[] c = counts.get(r.record().verdict().json());
      if (s == null || c == null) {
        continue;
      }
      int b = Math.min(bins - 1, (int) (s * bins));
      c[b]++;
      totals[b]++;
      max = Math.max(max, totals[b]);
    }
    int w = 600;
    int hgt = 160;
    h.append("<figure id=\"histogram\"><svg width=\"").append(w + 40).append("\" height=\"").append(hgt + 30)
        .append("\" role=\"img\" aria-label=\"score histogram by verdict\">");
    for (int b = 0; b < bins; b++) {
      double y = hgt;
      for (String v : List.of("authentic", "inconclusive", "synthetic")) {
        int n = counts.get(v)[b];
        if (n == 0) {
          continue;
        }
        double bar = hgt * n / (double) max;
        y -= bar;
        h.append(String.format(Locale.ROOT, "<rect class=\"bar-%s\" x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"%.1f\" fill=\"%s\"><title>%s %.2f-%.2f: %d</title></rect>",
            v, 30 + b * w / bins, y, w / bins - 2, bar, COLOURS.get(v), v, b / (double) bins, (b + 1) / (double) bins, n));
      }
    }
    h.append(String.format(Locale.ROOT, "<text x=\"30\" y=\"%d\">0</text><text x=\"%d\" y=\"%d\">score 1</text><text x=\"0\" y=\"12\">%d</text>",
        hgt + 20, w - 20, hgt + 20, max));
    h.append("</svg><figcaption>Scores by verdict (authentic green, inconclusive amber, synthetic orange), 20 bins.</figcaption></figure>");
  }

  private static void gallery(Writer out, List<Row> rows) throws IOException {
    List<Integer> flagged = new ArrayList<>();
    for (int i = 0; i < rows.size(); i++) {
      String v = rows.get(i).record().verdict().json();
      if ((v.equals("synthetic") || v.equals("inconclusive")) && rows.get(i).thumbnail() != null) {
        flagged.add(i);
      }
    }
    flagged.sort(Comparator.comparingDouble((Integer i) -> rows.get(i).record().score()).reversed());
    StringBuilder h = new StringBuilder("<section id=\"gallery\"><h2>Flagged faces</h2><p>")
        .append(flagged.size()).append(" synthetic or inconclusive image(s), highest score first")
        .append(flagged.size() > GALLERY ? "; the first " + GALLERY + " shown" : "").append(".</p><div class=\"gallery\">");
    for (int i : flagged.subList(0, Math.min(GALLERY, flagged.size()))) {
      Row r = rows.get(i);
      h.append("<a class=\"tile v-").append(esc(r.record().verdict().json())).append("\" href=\"#detail\" data-i=\"").append(i).append("\" title=\"")
          .append(esc(r.record().path())).append("\"><img loading=\"lazy\" alt=\"\" src=\"").append(esc(r.thumbnail())).append("\"><span>")
          .append(String.format(Locale.ROOT, "%.3f", r.record().score())).append("</span></a>");
    }
    out.write(h.append("</div></section>\n").toString());
  }

  private static void table(Writer out, List<Row> rows, String filesFolder) throws IOException {
    StringBuilder h = new StringBuilder();
    h.append("<section id=\"images\"><h2>Images</h2><p><input id=\"filter\" type=\"search\" placeholder=\"filter by name, verdict, reason, group\"> ")
        .append("<select id=\"verdict-filter\"><option value=\"\">all verdicts</option>");
    for (String v : VERDICTS) {
      h.append("<option value=\"").append(v).append("\">").append(v).append("</option>");
    }
    h.append("</select> <button id=\"prev\">previous</button> <span id=\"page-info\"></span> <button id=\"next\">next</button></p>")
        .append("<table id=\"results\"><thead><tr><th>image</th><th data-sort=\"1\">file</th><th data-sort=\"3\">verdict</th>")
        .append("<th data-sort=\"4\" id=\"sort-score\">score</th><th>top reasons</th><th data-sort=\"6\">groups</th><th></th></tr></thead><tbody></tbody></table></section>\n");
    out.write(h.toString());
    List<Object> data = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      Row r = rows.get(i);
      ScanRecord rec = r.record();
      data.add(List.of(i, fileName(rec), rec.path(), rec.verdict().json(), rec.score() == null ? -1 : rec.score(),
          rec.reasons().subList(0, Math.min(2, rec.reasons().size())), rec.groups() == null ? List.of() : rec.groups(),
          r.thumbnail() == null ? "" : r.thumbnail(), rec.error() == null ? "" : rec.error()));
    }
    out.write("<script id=\"data\" type=\"application/json\">");
    out.write(json(Map.of("files", filesFolder, "chunk", DETAIL_CHUNK, "page", PAGE, "rows", data)));
    out.write("</script>\n");
  }

  private static void groups(Writer out, List<GroupView> groups) throws IOException {
    StringBuilder h = new StringBuilder("<section id=\"groups\"><h2>Groups</h2>");
    if (groups.isEmpty()) {
      h.append("<p>No groups (run <code>ganscan group</code> and pass <code>--groups groups.json</code>).</p>");
    }
    for (GroupView g : groups) {
      Group j = g.group();
      h.append("<article class=\"group\" id=\"group-").append(esc(j.id())).append("\"><h3>").append(esc(j.id()))
          .append(" (").append(esc(j.kind().json())).append(", ").append(j.members().size()).append(" images)</h3><p>").append(esc(j.why())).append("</p>");
      if (g.composite() != null) {
        h.append("<img class=\"composite\" loading=\"lazy\" alt=\"composite of the group's faces\" src=\"").append(esc(g.composite())).append("\">");
      }
      h.append("<ul class=\"members\">");
      List<String> members = j.members();
      Object d = j.evidence().get("member_eye_distance_to_centre_pct_width");
      Map<?, ?> distances = d instanceof Map<?, ?> map ? map : Map.of();
      members.subList(0, Math.min(200, members.size())).forEach(m -> {
        h.append("<li><code>").append(esc(m)).append("</code>");
        if (distances.get(m) != null) {
          h.append(" <span class=\"note\">eyes ").append(esc(String.valueOf(distances.get(m)))).append(" % of the width from the group's centre</span>");
        }
        h.append("</li>");
      });
      if (members.size() > 200) {
        h.append("<li>... and ").append(members.size() - 200).append(" more (groups.json lists them all)</li>");
      }
      h.append("</ul></article>\n");
      if (h.length() > 1 << 16) {
        out.write(h.toString());
        h.setLength(0);
      }
    }
    out.write(h.append("</section>\n").toString());
  }

  private static final String CSS = String.join("\n",
      "body{font-family:sans-serif;margin:1.5em;color:#222}table{border-collapse:collapse}td,th{border:1px solid #ccc;padding:4px 6px;vertical-align:top}",
      "th[data-sort]{cursor:pointer;background:#eef}img.thumb{width:64px;height:64px;object-fit:cover}img.overlay,img.composite{max-width:100%}",
      ".v-synthetic .verdict{color:#D55E00;font-weight:bold}.v-inconclusive .verdict{color:#9a7d00}.v-authentic .verdict{color:#009E73}",
      ".reasons{max-width:36em;font-size:90%}.error{color:#D55E00}.note{color:#555}.detail{border:1px solid #999;padding:1em;margin:1em 0}",
      ".gallery{display:flex;flex-wrap:wrap;gap:6px}.tile{display:flex;flex-direction:column;align-items:center;font-size:80%;text-decoration:none;color:#222}",
      ".tile img{width:96px;height:96px;object-fit:cover;border:3px solid #E69F00}.tile.v-synthetic img{border-color:#D55E00}");

  private static final String JS = String.join("\n",
      "const META=JSON.parse(document.getElementById('data').textContent);const D=META.rows;let view=D.slice();let page=0;",
      "const tbody=document.querySelector('#results tbody');const details={};const waiting={};",
      "function el(tag,cls,text){const e=document.createElement(tag);if(cls)e.className=cls;if(text!==undefined)e.textContent=text;return e;}",
      "function render(){tbody.textContent='';const start=page*META.page;for(const r of view.slice(start,start+META.page)){",
      "const tr=el('tr','row v-'+r[3]);tr.dataset.verdict=r[3];tr.dataset.score=r[4].toFixed(4);",
      "const t=el('td');if(r[7]){const img=el('img','thumb');img.loading='lazy';img.alt='';img.src=r[7];t.appendChild(img);}tr.appendChild(t);",
      "const f=el('td','file',r[1]);f.title=r[2];tr.appendChild(f);tr.appendChild(el('td','verdict',r[3]));",
      "tr.appendChild(el('td','score',r[4]<0?'':r[4].toFixed(3)));const rs=el('td','reasons');for(const x of r[5])rs.appendChild(el('div',null,x));",
      "if(r[8])rs.appendChild(el('div','error',r[8]));tr.appendChild(rs);const g=el('td','groups');",
      "for(const id of r[6]){const a=el('a',null,id);a.href='#group-'+id;g.appendChild(a);g.appendChild(document.createTextNode(' '));}tr.appendChild(g);",
      "const o=el('td');const a=el('a','open','details');a.href='#detail';a.dataset.i=r[0];o.appendChild(a);tr.appendChild(o);tbody.appendChild(tr);}",
      "const pages=Math.max(1,Math.ceil(view.length/META.page));document.getElementById('page-info').textContent='page '+(page+1)+' of '+pages+' ('+view.length+' of '+D.length+' images)';}",
      "let sortCol=-1,asc=false;document.querySelectorAll('#results th[data-sort]').forEach(th=>th.addEventListener('click',()=>{const c=+th.dataset.sort;",
      "asc=sortCol===c?!asc:true;sortCol=c;view.sort((a,b)=>{const x=c===6?a[c].join(' '):a[c],y=c===6?b[c].join(' '):b[c];return (x<y?-1:x>y?1:0)*(asc?1:-1);});page=0;render();}));",
      "function applyFilter(){const q=document.getElementById('filter').value.toLowerCase();const v=document.getElementById('verdict-filter').value;",
      "view=D.filter(r=>(!v||r[3]===v)&&(!q||(r[1]+' '+r[2]+' '+r[3]+' '+r[5].join(' ')+' '+r[6].join(' ')+' '+r[8]).toLowerCase().includes(q)));",
      "if(sortCol>=0){const c=sortCol;view.sort((a,b)=>{const x=a[c],y=b[c];return (x<y?-1:x>y?1:0)*(asc?1:-1);});}page=0;render();}",
      "document.getElementById('filter').addEventListener('input',applyFilter);document.getElementById('verdict-filter').addEventListener('change',applyFilter);",
      "document.getElementById('prev').addEventListener('click',()=>{if(page>0){page--;render();}});",
      "document.getElementById('next').addEventListener('click',()=>{if((page+1)*META.page<view.length){page++;render();}});",
      "function ganscanDetails(k,list){details[k]=list;(waiting[k]||[]).forEach(i=>show(i));delete waiting[k];}",
      "function open(i){const k=Math.floor(i/META.chunk);if(details[k]){show(i);return;}if(!waiting[k]){waiting[k]=[];",
      "const s=document.createElement('script');s.src=META.files+'/details-'+k+'.js';document.body.appendChild(s);}waiting[k].push(i);}",
      "function show(i){const d=details[Math.floor(i/META.chunk)][i%META.chunk];const art=document.getElementById('detail');art.textContent='';",
      "art.appendChild(el('h3',null,d.name));const p=el('p');p.appendChild(el('code',null,d.path));p.appendChild(el('br'));",
      "p.appendChild(document.createTextNode('sha256 '+(d.sha256||'')+'; '+(d.format||'')+' '+(d.size||'')+'; verdict '+d.verdict+(d.score==null?'':' (score '+d.score.toFixed(4)+')')));",
      "art.appendChild(p);if(d.stages.length)art.appendChild(el('p','note','stages: '+d.stages.join(', ')));",
      "if(d.error)art.appendChild(el('p','error',d.error));for(const r of d.reasons)art.appendChild(el('p','reason',r));",
      "if(d.overlay){const img=el('img','overlay');img.alt='overlay';img.src=d.overlay;art.appendChild(img);}else if(d.overlay_missing)art.appendChild(el('p','note',d.overlay_missing));",
      "if(d.overlay_error)art.appendChild(el('p','error','overlay not written: '+d.overlay_error));",
      "if(d.traits.length){const t=el('table','traits');const h=el('tr');for(const c of ['trait','value','unit','score','why'])h.appendChild(el('th',null,c));t.appendChild(h);",
      "for(const x of d.traits){const tr=el('tr');for(const c of x)tr.appendChild(el('td',null,String(c)));t.appendChild(tr);}art.appendChild(t);}",
      "if(d.groups.length)art.appendChild(el('p',null,'groups: '+d.groups.join(', ')));art.hidden=false;document.getElementById('detail-hint').hidden=true;art.scrollIntoView();}",
      "document.addEventListener('click',e=>{const a=e.target.closest('a.open,a.tile');if(a){e.preventDefault();open(+a.dataset.i);}});",
      "render();");
}
