import type JSZip from "jszip";
import { parseRangeAddress, formatRange } from "../../core/workbook/address";
import type { ChartPlan, WorkbookPlan } from "../../core/plan/types";
import { encodeXml, sheetPartPath } from "./package-parts";

/**
 * ExcelJS cannot write charts, so the planned charts are added to the written package as
 * DrawingML parts: a drawing anchored on the sheet and a bar chart whose series refer to the
 * sheet's cells (no cached points, so Excel and LibreOffice draw from the live values).
 */
export async function addCharts(zip: JSZip, plan: WorkbookPlan): Promise<void> {
  let counter = 0;
  const overrides: string[] = [];
  const addContentType = (partName: string, contentType: string) =>
    overrides.push(`<Override PartName="${partName}" ContentType="${contentType}"/>`);
  for (const sheet of plan.sheets) {
    if (sheet.charts.length === 0) continue;
    const sheetPath = await sheetPartPath(zip, sheet.name);
    counter++;
    const drawingPath = `xl/drawings/cvmDrawing${counter}.xml`;
    const anchors: string[] = [];
    const drawingRels: string[] = [];
    for (const [i, chart] of sheet.charts.entries()) {
      const chartPath = `xl/charts/cvmChart${counter}_${i + 1}.xml`;
      zip.file(chartPath, chartXml(sheet.name, chart));
      addContentType(`/${chartPath}`, "application/vnd.openxmlformats-officedocument.drawingml.chart+xml");
      drawingRels.push(
        `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart" Target="../charts/cvmChart${counter}_${i + 1}.xml"/>`,
      );
      anchors.push(anchorXml(chart, i + 1));
    }
    zip.file(
      drawingPath,
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart">${anchors.join("")}</xdr:wsDr>`,
    );
    zip.file(`xl/drawings/_rels/cvmDrawing${counter}.xml.rels`, relsXml(drawingRels));
    addContentType(`/${drawingPath}`, "application/vnd.openxmlformats-officedocument.drawing+xml");

    const relsPath = sheetPath.replace(/([^/]+)$/, "_rels/$1.rels");
    const existingRels = (await zip.file(relsPath)?.async("string")) ?? relsXml([]);
    const relId = "rIdCvmDrawing";
    zip.file(
      relsPath,
      existingRels.replace(
        "</Relationships>",
        `<Relationship Id="${relId}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/drawing" Target="../drawings/cvmDrawing${counter}.xml"/></Relationships>`,
      ),
    );
    let sheetXml = await zip.file(sheetPath)!.async("string");
    if (!/xmlns:r=/.test(sheetXml.slice(0, sheetXml.indexOf(">", sheetXml.indexOf("<worksheet"))))) {
      sheetXml = sheetXml.replace("<worksheet", '<worksheet xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    }
    // The schema puts <drawing> before these; anything else may come first.
    const after =
      /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/.exec(
        sheetXml,
      )!;
    sheetXml = sheetXml.slice(0, after.index) + `<drawing r:id="${relId}"/>` + sheetXml.slice(after.index);
    zip.file(sheetPath, sheetXml);
  }
  if (overrides.length > 0) {
    const types = await zip.file("[Content_Types].xml")!.async("string");
    zip.file("[Content_Types].xml", types.replace("</Types>", `${overrides.join("")}</Types>`));
  }
}

function relsXml(relationships: readonly string[]): string {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relationships.join("")}</Relationships>`;
}

function anchorXml(chart: ChartPlan, id: number): string {
  const { row, column, columns, rows } = chart.anchor;
  return `<xdr:twoCellAnchor><xdr:from><xdr:col>${column}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from><xdr:to><xdr:col>${column + columns}</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>${row + rows}</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to><xdr:graphicFrame macro=""><xdr:nvGraphicFramePr><xdr:cNvPr id="${id + 1}" name="${encodeXml(chart.title)}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr><xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm><a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/chart"><c:chart r:id="rId${id}"/></a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`;
}

function absolute(sheet: string, range: string): string {
  const parsed = parseRangeAddress(`'${sheet.replace(/'/g, "''")}'!${range}`)!;
  return encodeXml(formatRange(parsed, true));
}

interface Series {
  readonly name: string;
  readonly values: string;
  readonly color: string;
}

/**
 * A bar chart. Value by element has one horizontal series, categories from the top (`maxMin`);
 * a tornado has two drawn over each other from zero (`overlap` 100) and a legend; realization by
 * year has two vertical series side by side (estimate, actual), years from the left, and a legend.
 */
function chartXml(sheet: string, chart: ChartPlan): string {
  const series: readonly Series[] =
    chart.kind === "valueByElement"
      ? [{ name: chart.seriesName, values: chart.values, color: "2E8B57" }]
      : chart.series.map((s) => ({ name: s.name, values: s.values, color: s.color.replace(/^#/, "") }));
  const title = `<c:title><c:tx><c:rich><a:bodyPr/><a:p><a:r><a:t>${encodeXml(chart.title)}</a:t></a:r></a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`;
  const seriesXml = series
    .map(
      (s, i) =>
        `<c:ser><c:idx val="${i}"/><c:order val="${i}"/><c:tx><c:v>${encodeXml(s.name)}</c:v></c:tx><c:spPr><a:solidFill><a:srgbClr val="${s.color}"/></a:solidFill></c:spPr><c:invertIfNegative val="0"/><c:cat><c:strRef><c:f>${absolute(sheet, chart.categories)}</c:f></c:strRef></c:cat><c:val><c:numRef><c:f>${absolute(sheet, s.values)}</c:f></c:numRef></c:val></c:ser>`,
    )
    .join("");
  const tornado = chart.kind === "tornado";
  const columns = chart.kind === "realizationByYear";
  const grouping = `<c:gapWidth val="${tornado ? 40 : 60}"/>${tornado ? '<c:overlap val="100"/>' : ""}`;
  const legend = chart.kind === "valueByElement" ? "" : '<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>';
  // A tornado's labels sit at the left edge, clear of bars that go below zero.
  const labels = tornado ? "low" : "nextTo";
  const [direction, order, categoryAt, valueAt] = columns ? ["col", "minMax", "b", "l"] : ["bar", "maxMin", "l", "b"];
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<c:chartSpace xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><c:roundedCorners val="0"/><c:chart>${title}<c:autoTitleDeleted val="0"/><c:plotArea><c:layout/><c:barChart><c:barDir val="${direction}"/><c:grouping val="clustered"/><c:varyColors val="0"/>${seriesXml}${grouping}<c:axId val="111"/><c:axId val="222"/></c:barChart><c:catAx><c:axId val="111"/><c:scaling><c:orientation val="${order}"/></c:scaling><c:delete val="0"/><c:axPos val="${categoryAt}"/><c:numFmt formatCode="General" sourceLinked="0"/><c:tickLblPos val="${labels}"/><c:crossAx val="222"/><c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx><c:valAx><c:axId val="222"/><c:scaling><c:orientation val="minMax"/></c:scaling><c:delete val="0"/><c:axPos val="${valueAt}"/><c:majorGridlines/><c:numFmt formatCode="#,##0" sourceLinked="0"/><c:tickLblPos val="nextTo"/><c:crossAx val="111"/><c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx></c:plotArea>${legend}<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`;
}
