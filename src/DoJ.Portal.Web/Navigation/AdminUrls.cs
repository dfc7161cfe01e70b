namespace DoJ.Portal.Web.Navigation;

/// <summary>
/// Every address of the admin area, named once: the controllers' route templates, their redirects and the
/// views' links are all built from these. A record's actions live under <c>{section}/{id}/{segment}</c>.
/// </summary>
public static class AdminUrls
{
    public const string Home = "/quan-tri";
    public const string Articles = Home + "/bai-viet";
    public const string Bin = Home + "/thung-rac";
    public const string Pages = Home + "/trang";
    public const string Categories = Home + "/chuyen-muc";
    public const string Menu = Home + "/menu";
    public const string Links = Home + "/lien-ket";
    public const string LinkGroups = Links + "/nhom";
    public const string Redirects = Home + "/chuyen-huong";
    public const string RedirectImport = Redirects + "/" + Segments.Import;
    public const string RedirectImportConfirm = RedirectImport + "/" + Segments.Confirm;
    public const string Settings = Home + "/cai-dat";
    public const string Users = Home + "/nguoi-dung";
    public const string Audit = Home + "/nhat-ky";
    public const string AuditExport = Audit + "/" + Segments.Export;
    public const string Jobs = Home + "/tac-vu";
    public const string ReindexJob = Jobs + "/" + Segments.Reindex;
    public const string FileTextRetryJob = Jobs + "/" + Segments.FileTextRetry;
    public const string FileTextRereadJob = Jobs + "/" + Segments.FileTextReread;
    public const string ImageVariantsJob = Jobs + "/" + Segments.ImageVariants;
    public const string Media = Home + "/thu-vien-anh";

    /// <summary>The document register's records, and the managed lists they are filed under (types, issuing bodies, fields).</summary>
    public const string Documents = Home + "/van-ban";
    public const string RegisterTerms = Home + "/danh-muc-van-ban";
    /// <summary>The videos (YouTube or an uploaded MP4).</summary>
    public const string Videos = Home + "/video";
    public const string MediaUpload = Media + "/" + Segments.Upload;
    // Mail and personal data (issue 21): the outgoing mail queue, the retention job, erasure on request.
    public const string Mail = Home + "/thu-gui";
    public const string RetentionJob = Jobs + "/du-lieu-ca-nhan";
    public const string PersonalData = Home + "/du-lieu-ca-nhan";
    public const string PersonalDataErase = PersonalData + "/xoa";

    public static string MailRetry(long id) => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Mail}/{id}/thu-lai");


    /// <summary>The image library as JSON for the pickers (<c>?q=…&amp;trang=N</c>).</summary>
    public const string MediaLibrary = Media + "/" + Segments.Library;
    /// <summary>Photo albums (the public Thư viện ảnh); <see cref="Media"/> already holds <c>/thu-vien-anh</c> for the image library.</summary>
    public const string Albums = Home + "/album-anh";
    public const string AlbumUpload = Albums + "/" + Segments.Upload;

    /// <summary>Moderation of citizens' questions (editors): the queue, and each question's screen with its actions.</summary>
    public const string Questions = Home + "/hoi-dap";
    /// <summary>The procedures directory (editors) and the officials of the leadership and contact pages (administrators).</summary>
    public const string Procedures = Home + "/thu-tuc";
    public const string Officials = Home + "/can-bo";

    /// <summary><c>{section}/tao</c>: the form for a new record.</summary>
    public static string New(string section) => $"{section}/{Segments.New}";

    /// <summary><c>{section}/{id}/sua</c>: a record's edit form.</summary>
    public static string Edit(string section, int id) => Of(section, id, Segments.Edit);

    /// <summary><c>{section}/{id}/{segment}</c>: an action on one record (ids are numbers, or strings for accounts).</summary>
    public static string Of(string section, object id, string segment) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{section}/{id}/{segment}");

    /// <summary>A row of a list page, by its HTML id: a move or a save returns there.</summary>
    public static string At(string section, string anchor) => $"{section}#{anchor}";

    public static string ShowRevision(string section, int id, long revisionId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Of(section, id, Segments.Revisions)}?xem={revisionId}");

    public static string RestoreRevision(string section, int id, long revisionId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Of(section, id, Segments.Revisions)}/{revisionId}/{Segments.Restore}");

    public static string Job(Guid id) => $"{Jobs}/{id}";

    public static string JobStatus(Guid id) => $"{Job(id)}/{Segments.Status}";

    // Comments on drafts (Lấy ý kiến dự thảo): a document's comments, and the moderation of one (docs/draft-comments.md).
    public const string DocumentCommentsSegment = "gop-y";
    public const string DocumentCommentsRoute = "{id:int}/" + DocumentCommentsSegment;
    public const string ModerateCommentRoute = DocumentCommentsRoute + "/{commentId:int}/duyet";

    public static string DocumentComments(int documentId) => Of(Documents, documentId, DocumentCommentsSegment);

    public static string ModerateComment(int documentId, int commentId) =>
        string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{DocumentComments(documentId)}/{commentId}/duyet");

    /// <summary>The last part of an address: what a record's action is called.</summary>
    public static class Segments
    {
        public const string New = "tao";
        public const string Edit = "sua";
        public const string Delete = "xoa";
        public const string Up = "len";
        public const string Down = "xuong";
        public const string Submit = "gui-duyet";
        public const string Publish = "xuat-ban";
        public const string Unpublish = "go-xuong";
        public const string Restore = "khoi-phuc";
        public const string Purge = "xoa-vinh-vien";
        public const string Revisions = "phien-ban";
        public const string Role = "vai-tro";
        public const string Lock = "khoa";
        public const string Unlock = "mo-khoa";
        public const string PasswordReset = "dat-lai-mat-khau";
        public const string Import = "nhap";
        public const string Confirm = "xac-nhan";
        public const string Export = "xuat-csv";
        public const string Reindex = "chi-muc-tim-kiem";
        public const string FileTextRetry = "doc-lai-tep-loi";
        public const string FileTextReread = "doc-lai-moi-tep";
        public const string ImageVariants = "tao-co-anh";
        public const string Upload = "tai-len";
        public const string Status = "trang-thai";
        public const string Group = "nhom";
        public const string Preview = "xem-truoc";
        public const string SendBack = "tra-lai";
        public const string Library = "chon";
        public const string Assign = "phan-cong";
        public const string TakeOver = "nhan-xu-ly";
        public const string Answer = "tra-loi";
        public const string Decline = "tu-choi";
        public const string Merge = "gop";
    }

    /// <summary>Route templates of the record actions, relative to a controller's section.</summary>
    public static class Routes
    {
        public const string New = Segments.New;
        public const string Edit = "{id:int}/" + Segments.Edit;
        public const string Delete = "{id:int}/" + Segments.Delete;
        public const string Up = "{id:int}/" + Segments.Up;
        public const string Down = "{id:int}/" + Segments.Down;
        public const string Submit = "{id:int}/" + Segments.Submit;
        public const string Publish = "{id:int}/" + Segments.Publish;
        public const string Unpublish = "{id:int}/" + Segments.Unpublish;
        public const string Restore = "{id:int}/" + Segments.Restore;
        public const string Purge = "{id:int}/" + Segments.Purge;
        public const string Revisions = "{id:int}/" + Segments.Revisions;
        public const string RestoreRevision = Revisions + "/{revisionId:long}/" + Segments.Restore;
        public const string Preview = "{id:int}/" + Segments.Preview;
        public const string SendBack = "{id:int}/" + Segments.SendBack;
        public const string Assign = "{id:int}/" + Segments.Assign;
        public const string TakeOver = "{id:int}/" + Segments.TakeOver;
        public const string Answer = "{id:int}/" + Segments.Answer;
        public const string Decline = "{id:int}/" + Segments.Decline;
        public const string Merge = "{id:int}/" + Segments.Merge;
    }
}
