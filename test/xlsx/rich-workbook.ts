/** A workbook built part by part, holding what exceljs used to drop from an annotated copy. */
import { strToU8, zipSync, type Zippable } from "fflate";

export const MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
export const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
export const PKG_REL = "http://schemas.openxmlformats.org/package/2006/relationships";
export const DECL = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
/** A 1×1 PNG. */
const PNG = Uint8Array.from(
  Buffer.from(
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
    "base64",
  ),
);

/** The parts of a workbook with everything exceljs used to lose; the sheet part is not named sheetN.xml. */
export function richWorkbookParts(): Record<string, string | Uint8Array> {
  return {
    "[Content_Types].xml":
      `${DECL}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Default Extension="png" ContentType="image/png"/>' +
      '<Default Extension="vml" ContentType="application/vnd.openxmlformats-officedocument.vmlDrawing"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet7.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>' +
      '<Override PartName="/xl/comments1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.comments+xml"/>' +
      '<Override PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"/>' +
      '<Override PartName="/customXml/itemProps1.xml" ContentType="application/vnd.openxmlformats-officedocument.customXmlProperties+xml"/>' +
      '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
      '<Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/>' +
      '<Override PartName="/docProps/custom.xml" ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/>' +
      "</Types>",
    "_rels/.rels":
      `${DECL}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      '<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>' +
      `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/>` +
      `<Relationship Id="rId4" Type="${REL}/custom-properties" Target="docProps/custom.xml"/>` +
      "</Relationships>",
    "docProps/core.xml":
      `${DECL}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
      'xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>财政局</dc:creator></cp:coreProperties>',
    "docProps/app.xml": `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
    "docProps/custom.xml":
      `${DECL}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" ` +
      'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">' +
      '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="项目编号"><vt:lpwstr>XM-2024-001</vt:lpwstr></property>' +
      "</Properties>",
    "customXml/item1.xml": `${DECL}<审批 xmlns="urn:example:approval"><状态>已批准</状态></审批>`,
    "customXml/itemProps1.xml":
      `${DECL}<ds:datastoreItem ds:itemID="{6A1F3C52-0C9B-4C0B-9C1D-2B7C1E1B9E01}" ` +
      'xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml"><ds:schemaRefs/></ds:datastoreItem>',
    "customXml/_rels/item1.xml.rels": `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/customXmlProps" Target="itemProps1.xml"/></Relationships>`,
    "xl/workbook.xml":
      `${DECL}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><bookViews><workbookView activeTab="0"/></bookViews><sheets>` +
      '<sheet name="项目表" sheetId="1" r:id="rId1"/><sheet name="选项" sheetId="2" state="hidden" r:id="rId2"/></sheets>' +
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="0">项目表!$A$1:$E$7</definedName>' +
      '<definedName name="等级">选项!$A$1:$A$3</definedName></definedNames></workbook>',
    "xl/_rels/workbook.xml.rels":
      `${DECL}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet7.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/worksheet" Target="/xl/worksheets/sheet2.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId4" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      `<Relationship Id="rId5" Type="${REL}/customXml" Target="../customXml/item1.xml"/>` +
      "</Relationships>",
    "xl/styles.xml":
      `${DECL}<styleSheet xmlns="${MAIN}"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts>` +
      '<fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>' +
      '<font><b/><sz val="12"/><color rgb="FF0000FF"/><name val="宋体"/><family val="3"/><charset val="134"/></font></fonts>' +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>' +
      '<border><left style="thin"><color auto="1"/></left><right style="thin"><color auto="1"/></right>' +
      '<top style="thin"><color auto="1"/></top><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"/>' +
      '<xf numFmtId="164" fontId="0" fillId="0" borderId="1" xfId="0" applyNumberFormat="1" applyBorder="1" applyAlignment="1">' +
      '<alignment horizontal="center" wrapText="1"/></xf></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
    "xl/sharedStrings.xml":
      `${DECL}<sst xmlns="${MAIN}" count="5" uniqueCount="5"><si><t>绩效目标表</t></si><si><t>一级指标</t></si>` +
      "<si><t>指标值</t></si><si><t>产出指标</t></si><si><t>效益指标</t></si></sst>",
    "xl/worksheets/sheet7.xml":
      `${DECL}<worksheet xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ` +
      'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac">' +
      '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr><dimension ref="A1:E7"/>' +
      '<sheetViews><sheetView workbookViewId="0"><pane ySplit="2" topLeftCell="A3" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>' +
      '<sheetFormatPr defaultRowHeight="15" x14ac:dyDescent="0.25"/><cols><col min="1" max="1" width="20" customWidth="1"/></cols>' +
      "<sheetData>" +
      '<row r="1" spans="1:3"><c r="A1" s="1" t="s"><v>0</v></c></row>' +
      '<row r="2" spans="1:3"><c r="A2" s="1" t="s"><v>1</v></c><c r="B2" s="1" t="s"><v>2</v></c></row>' +
      '<row r="3" spans="1:3" ht="30" customHeight="1"><c r="A3" s="1" t="s"><v>3</v></c>' +
      '<c r="B3" t="inlineStr"><is><t>优秀 良好 一般</t></is></c><c r="C3" s="2"><v>0.95</v></c></row>' +
      '<row r="4" spans="1:3"><c r="B4"><f>C3*100</f><v>95</v></c><c r="C4" t="str"><f>UPPER("a")</f><v>A</v></c></row>' +
      '<row r="6" spans="1:2"><c r="A6" s="1" t="s"><v>4</v></c><c r="B6" s="1"/></row>' +
      '<row r="7" spans="1:2"><c r="A7" s="1"/><c r="B7" s="1"/></row>' +
      "</sheetData>" +
      '<sheetProtection sheet="1" objects="1" scenarios="1" password="CC3D"/>' +
      '<mergeCells count="2"><mergeCell ref="A1:C1"/><mergeCell ref="A6:B7"/></mergeCells>' +
      '<dataValidations count="1"><dataValidation type="decimal" sqref="C3"><formula1>0</formula1><formula2>1</formula2></dataValidation></dataValidations>' +
      '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/>' +
      '<pageSetup paperSize="9" orientation="landscape" fitToHeight="0"/>' +
      "<headerFooter><oddFooter>第 &amp;P 页</oddFooter></headerFooter>" +
      '<drawing r:id="rId1"/><legacyDrawing r:id="rId2"/>' +
      "<extLst>" +
      '<ext uri="{CCE6A557-97BC-4b89-ADB6-D9C93CAAB3DF}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:dataValidations count="1" xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
      '<x14:dataValidation type="list" allowBlank="1" showInputMessage="1" showErrorMessage="1">' +
      "<x14:formula1><xm:f>选项!$A$1:$A$3</xm:f></x14:formula1><xm:sqref>B3</xm:sqref></x14:dataValidation></x14:dataValidations></ext>" +
      '<ext uri="{05C60535-1F16-4fd2-B633-F4F36F0B64E0}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main">' +
      '<x14:sparklineGroups xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main">' +
      '<x14:sparklineGroup displayEmptyCellsAs="gap"><x14:colorSeries rgb="FF376092"/>' +
      "<x14:sparklines><x14:sparkline><xm:f>项目表!B4:C4</xm:f><xm:sqref>D4</xm:sqref></x14:sparkline></x14:sparklines>" +
      "</x14:sparklineGroup></x14:sparklineGroups></ext></extLst></worksheet>",
    "xl/worksheets/_rels/sheet7.xml.rels":
      `${DECL}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/drawing1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/vmlDrawing" Target="../drawings/vmlDrawing1.vml"/>` +
      `<Relationship Id="rId3" Type="${REL}/comments" Target="../comments1.xml"/>` +
      "</Relationships>",
    "xl/worksheets/sheet2.xml":
      `${DECL}<worksheet xmlns="${MAIN}"><sheetData>` +
      '<row r="1"><c r="A1" t="inlineStr"><is><t>优</t></is></c></row><row r="2"><c r="A2" t="inlineStr"><is><t>良</t></is></c></row>' +
      '<row r="3"><c r="A3" t="inlineStr"><is><t>差</t></is></c></row></sheetData></worksheet>',
    "xl/comments1.xml":
      `${DECL}<comments xmlns="${MAIN}"><authors><author>张三</author></authors><commentList>` +
      '<comment ref="A3" authorId="0"><text><r><rPr><b/><sz val="9"/><rFont val="宋体"/></rPr><t>张三:</t></r>' +
      '<r><rPr><sz val="9"/><rFont val="宋体"/></rPr><t xml:space="preserve">\n作者原有的批注</t></r></text></comment>' +
      "</commentList></comments>",
    "xl/drawings/vmlDrawing1.vml":
      '<xml xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel">\n' +
      ' <o:shapelayout v:ext="edit">\n  <o:idmap v:ext="edit" data="1"/>\n </o:shapelayout>' +
      '<v:shapetype id="_x0000_t202" coordsize="21600,21600" o:spt="202" path="m,l,21600r21600,l21600,xe">\n' +
      '  <v:stroke joinstyle="miter"/>\n  <v:path gradientshapeok="t" o:connecttype="rect"/>\n </v:shapetype>' +
      '<v:shape id="_x0000_s1025" type="#_x0000_t202" style=\'position:absolute;margin-left:130pt;margin-top:20pt;width:96pt;height:55.5pt;z-index:1;visibility:hidden\' fillcolor="#ffffe1" o:insetmode="auto">\n' +
      '  <v:fill color2="#ffffe1"/>\n  <v:shadow on="t" color="black" obscured="t"/>\n  <v:path o:connecttype="none"/>\n' +
      "  <v:textbox style='mso-direction-alt:auto'><div style='text-align:left'></div></v:textbox>\n" +
      '  <x:ClientData ObjectType="Note">\n   <x:MoveWithCells/>\n   <x:SizeWithCells/>\n' +
      "   <x:Anchor>\n    1, 15, 1, 10, 3, 15, 5, 4</x:Anchor>\n   <x:AutoFill>False</x:AutoFill>\n" +
      "   <x:Row>2</x:Row>\n   <x:Column>0</x:Column>\n  </x:ClientData>\n </v:shape></xml>",
    "xl/drawings/drawing1.xml":
      `${DECL}<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ` +
      `xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" xmlns:r="${REL}">` +
      "<xdr:twoCellAnchor><xdr:from><xdr:col>4</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:from>" +
      "<xdr:to><xdr:col>5</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>1</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>" +
      '<xdr:pic><xdr:nvPicPr><xdr:cNvPr id="2" name="图片 1"/><xdr:cNvPicPr/></xdr:nvPicPr>' +
      '<xdr:blipFill><a:blip r:embed="rId1"/><a:stretch><a:fillRect/></a:stretch></xdr:blipFill>' +
      '<xdr:spPr><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></xdr:spPr></xdr:pic><xdr:clientData/></xdr:twoCellAnchor></xdr:wsDr>',
    "xl/drawings/_rels/drawing1.xml.rels": `${DECL}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/image" Target="../media/image1.png"/></Relationships>`,
    "xl/media/image1.png": PNG,
  };
}

export function zip(parts: Record<string, string | Uint8Array>): Uint8Array {
  const entries: Zippable = {};
  for (const [name, content] of Object.entries(parts)) {
    // Some parts stored, some deflated, as real packages mix them.
    entries[name] = [
      typeof content === "string" ? strToU8(content) : content,
      { level: name.endsWith(".png") ? 0 : 6 },
    ];
  }
  return zipSync(entries);
}
