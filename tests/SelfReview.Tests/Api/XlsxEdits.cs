using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;

namespace SelfReview.Tests.Api;

/// <summary>
/// Edits an exported workbook as a person does in Excel: typed text goes into the cell as an inline
/// string (as Excel and WPS may save it), found by the header's column on the 整改清单 sheet.
/// </summary>
public static class XlsxEdits
{
    public static byte[] Apply(byte[] xlsx, IReadOnlyDictionary<(int Line, string Header), string> edits)
    {
        ArgumentNullException.ThrowIfNull(xlsx);
        ArgumentNullException.ThrowIfNull(edits);
        using var stream = new MemoryStream();
        stream.Write(xlsx);
        using (var document = SpreadsheetDocument.Open(stream, isEditable: true))
        {
            var workbook = document.WorkbookPart!;
            var sheet = workbook.Workbook.Sheets!.Elements<Sheet>().Single(s => s.Name == "整改清单");
            var part = (WorksheetPart)workbook.GetPartById(sheet.Id!);
            var strings = workbook.SharedStringTablePart!.SharedStringTable.Elements<SharedStringItem>().Select(i => i.InnerText).ToList();
            var header = part.Worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == 2);
            var columns = header.Elements<Cell>().ToDictionary(c => strings[int.Parse(c.CellValue!.Text, System.Globalization.CultureInfo.InvariantCulture)], c => new string(c.CellReference!.Value!.TakeWhile(char.IsAsciiLetter).ToArray()));
            foreach (var ((line, name), value) in edits)
            {
                var reference = columns[name] + line.ToString(System.Globalization.CultureInfo.InvariantCulture);
                var row = part.Worksheet.Descendants<Row>().Single(r => r.RowIndex!.Value == line);
                var cell = row.Elements<Cell>().Single(c => c.CellReference == reference);
                cell.CellValue = null;
                cell.DataType = CellValues.InlineString;
                cell.InlineString = new InlineString(new Text(value));
            }

            part.Worksheet.Save();
        }

        return stream.ToArray();
    }
}
