/** The index's search panel, result cards, pager and the speaker scorecard (part of html.ts's stylesheet). */
export const LIST_STYLE = `.lede{color:#424a53;margin:-.5rem 0 1rem;max-width:46rem}
form.search{background:#f6f8fa;border:1px solid #d0d7de;border-radius:.5rem;padding:1rem;margin:0 0 1.5rem;display:grid;gap:.85rem}
form.search label{display:flex;flex-direction:column;gap:.25rem;font-size:.85rem;font-weight:600;color:#424a53;min-width:0}
form.search .q{display:flex;gap:.5rem;align-items:end}form.search .q label{flex:1}
form.search .filters{display:grid;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr));gap:.75rem;align-items:end}
form.search input,form.search select{font:inherit;font-size:1rem;height:2.6rem;padding:.4rem .6rem;border:1px solid #6e7781;border-radius:.375rem;background:#fff;color:#1f2328;width:100%;min-width:0;max-width:100%}
form.search button{font:inherit;font-weight:600;height:2.6rem;padding:0 1.1rem;border:1px solid #0f1b2d;border-radius:.375rem;background:#0f1b2d;color:#fff;cursor:pointer}
form.search .actions{display:flex;gap:1rem;align-items:center}
:focus-visible{outline:3px solid #0a58ca;outline-offset:2px}
.results{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem;align-items:baseline;border-bottom:2px solid #1f2328;padding-bottom:.35rem}
.results h2{font-size:1.1rem;margin:0}
ol.cards{list-style:none;padding:0;margin:0}
ol.cards>li{display:grid;grid-template-columns:9rem minmax(0,1fr);gap:1.25rem;padding:1.1rem 0;border-bottom:1px solid #d0d7de}
ol.cards h3{font-size:1.2rem;line-height:1.3;margin:0 0 .35rem}ol.cards h3 a{color:#1f2328;text-decoration:none}
ol.cards h3 a:hover,ol.cards h3 a:focus{text-decoration:underline;color:#0a58ca}
ol.cards .said{margin:.2rem 0 .4rem;color:#424a53;overflow-wrap:anywhere}ol.cards .verdict{padding-top:.15rem}
nav.pages{margin-top:1.5rem}nav.pages ol{display:flex;flex-wrap:wrap;gap:.35rem;list-style:none;padding:0;margin:.5rem 0}
nav.pages a,nav.pages [aria-current]{display:inline-block;min-width:2.5rem;padding:.35rem .7rem;border:1px solid #d0d7de;border-radius:.375rem;text-align:center;text-decoration:none}
nav.pages [aria-current]{background:#0f1b2d;color:#fff;border-color:#0f1b2d;font-weight:700}
.crumbs{font-size:.9rem;margin:0}.profile{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1.1fr);gap:2rem;align-items:start;margin-bottom:2rem}
figure.chart{margin:0;padding:1rem;border:1px solid #d0d7de;border-radius:.5rem}figure.chart svg{display:block;width:100%;font-size:14px}
figure.chart figcaption{font-weight:700;margin-bottom:.5rem}
table.dist{border-collapse:collapse;width:100%;font-size:.95rem;margin-top:.5rem}table.dist th,table.dist td{padding:.3rem .5rem;border-bottom:1px solid #d0d7de;text-align:left}
table.dist .n{text-align:right;font-variant-numeric:tabular-nums}details{margin-top:.75rem}summary{cursor:pointer;color:#0a58ca}
@media (max-width:44rem){ol.cards>li{grid-template-columns:minmax(0,1fr);gap:.35rem}.profile{grid-template-columns:minmax(0,1fr);gap:1rem}form.search .q{flex-direction:column;align-items:stretch}}`;
