using DoJ.Portal.Domain.Agency;
using DoJ.Portal.Domain.Citizens;
using DoJ.Portal.Domain.Mail;
using DoJ.Portal.Domain.Operations;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace DoJ.Portal.Data.Configurations;

internal sealed class QuestionConfiguration : IEntityTypeConfiguration<Question>
{
    public void Configure(EntityTypeBuilder<Question> builder)
    {
        builder.Property(q => q.TrackingCode).HasMaxLength(Question.TrackingCodeLength).IsUnicode(false).IsRequired();
        builder.Property(q => q.Title).HasMaxLength(Question.TitleMaxLength).IsRequired();
        builder.Property(q => q.Slug).HasMaxLength(Question.SlugMaxLength).IsRequired();
        builder.Property(q => q.Body).HasMaxLength(Question.BodyMaxLength).IsRequired();
        builder.Property(q => q.AskerName).HasMaxLength(Question.NameMaxLength);
        builder.Property(q => q.AskerEmail).HasMaxLength(Question.EmailMaxLength);
        builder.Property(q => q.AskerPhone).HasMaxLength(Question.PhoneMaxLength);
        builder.Property(q => q.PublicAskerName).HasMaxLength(Question.PublicNameMaxLength);
        builder.Property(q => q.Answer).HasMaxLength(Question.AnswerMaxLength);
        builder.Property(q => q.AnsweredByName).HasMaxLength(Question.PublicNameMaxLength);
        builder.Property(q => q.DeclineReason).HasMaxLength(Question.ReasonMaxLength);
        builder.Property(q => q.AssignedToId).HasMaxLength(IdentityLengths.UserId);
        builder.Property(q => q.AnsweredById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(q => q.UpdatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(q => q.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne(q => q.Field).WithMany().HasForeignKey(q => q.FieldId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(q => q.MergedInto).WithMany().HasForeignKey(q => q.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(q => q.TrackingCode).IsUnique();
        // The public list (newest answers first, by field) and the moderation queue (oldest first, by status).
        builder.HasIndex(q => new { q.Status, q.PublishedAtUtc, q.Id });
        builder.HasIndex(q => new { q.FieldId, q.Status, q.PublishedAtUtc });
        builder.HasIndex(q => new { q.Status, q.ReceivedAtUtc });
        builder.HasIndex(q => q.AssignedToId);
        builder.HasIndex(q => q.MergedIntoId);
        // The retention job: kept personal data, by age.
        builder.HasIndex(q => new { q.PersonalDataErasedAtUtc, q.UpdatedAtUtc });
        builder.HasIndex(q => q.AskerEmail);
    }
}

internal sealed class DocumentCommentConfiguration : IEntityTypeConfiguration<DocumentComment>
{
    public void Configure(EntityTypeBuilder<DocumentComment> builder)
    {
        builder.Property(c => c.Organisation).HasMaxLength(DocumentComment.OrganisationMaxLength);
        builder.Property(c => c.CommenterName).HasMaxLength(DocumentComment.NameMaxLength);
        builder.Property(c => c.CommenterEmail).HasMaxLength(DocumentComment.EmailMaxLength);
        builder.Property(c => c.CommenterPhone).HasMaxLength(DocumentComment.PhoneMaxLength);
        builder.Property(c => c.Body).HasMaxLength(DocumentComment.BodyMaxLength).IsRequired();
        builder.Property(c => c.ModerationNote).HasMaxLength(DocumentComment.NoteMaxLength);
        builder.Property(c => c.ModeratedById).HasMaxLength(IdentityLengths.UserId);
        builder.HasOne(c => c.LegalDocument).WithMany(d => d.Comments).HasForeignKey(c => c.LegalDocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.LegalDocumentId, c.Status, c.ReceivedAtUtc });
        builder.HasIndex(c => new { c.PersonalDataErasedAtUtc, c.ReceivedAtUtc });
        builder.HasIndex(c => c.CommenterEmail);
    }
}

internal sealed class ProcedureConfiguration : IEntityTypeConfiguration<Procedure>
{
    public void Configure(EntityTypeBuilder<Procedure> builder)
    {
        builder.Property(p => p.Name).HasMaxLength(Procedure.NameMaxLength).IsRequired();
        builder.Property(p => p.Slug).HasMaxLength(Procedure.SlugMaxLength).IsRequired();
        builder.Property(p => p.NationalCode).HasMaxLength(Procedure.CodeMaxLength).IsUnicode(false).IsRequired();
        builder.Property(p => p.Description).HasMaxLength(Procedure.DescriptionMaxLength).IsRequired();
        builder.Property(p => p.HandledBy).HasMaxLength(Procedure.HandledByMaxLength).IsRequired();
        builder.Property(p => p.NationalPortalUrl).HasMaxLength(Procedure.UrlMaxLength).IsRequired();
        builder.Property(p => p.UpdatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(p => p.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasOne(p => p.Field).WithMany().HasForeignKey(p => p.FieldId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.IsPublished, p.FieldId, p.SortOrder });
        builder.HasIndex(p => p.NationalCode);
    }
}

internal sealed class OfficialConfiguration : IEntityTypeConfiguration<Official>
{
    public void Configure(EntityTypeBuilder<Official> builder)
    {
        builder.Property(o => o.FullName).HasMaxLength(Official.NameMaxLength).IsRequired();
        builder.Property(o => o.Position).HasMaxLength(Official.PositionMaxLength).IsRequired();
        builder.Property(o => o.PositionEn).HasMaxLength(Official.PositionMaxLength).IsRequired();
        builder.Property(o => o.Unit).HasMaxLength(Official.UnitMaxLength).IsRequired();
        builder.Property(o => o.UnitEn).HasMaxLength(Official.UnitMaxLength).IsRequired();
        builder.Property(o => o.Phone).HasMaxLength(Official.PhoneMaxLength);
        builder.Property(o => o.Email).HasMaxLength(Official.EmailMaxLength);
        builder.Property(o => o.Duties).HasMaxLength(Official.DutiesMaxLength);
        builder.Property(o => o.UpdatedById).HasMaxLength(IdentityLengths.UserId);
        builder.Property(o => o.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(o => new { o.Role, o.IsPublished, o.SortOrder });
    }
}

internal sealed class OutgoingMailConfiguration : IEntityTypeConfiguration<OutgoingMail>
{
    public void Configure(EntityTypeBuilder<OutgoingMail> builder)
    {
        builder.Property(m => m.ToAddress).HasMaxLength(OutgoingMail.AddressMaxLength).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(OutgoingMail.SubjectMaxLength).IsRequired();
        builder.Property(m => m.TextBody).IsRequired();
        builder.Property(m => m.Purpose).HasMaxLength(OutgoingMail.PurposeMaxLength).IsUnicode(false).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(OutgoingMail.ErrorMaxLength);
        // The sender's queue (due, unclaimed) and the administrators' list (newest first).
        builder.HasIndex(m => new { m.NextAttemptAtUtc, m.ClaimedUntilUtc });
        builder.HasIndex(m => m.CreatedAtUtc);
        builder.HasIndex(m => m.ToAddress);
    }
}

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> builder)
    {
        builder.HasKey(j => j.Name);
        builder.Property(j => j.Name).HasMaxLength(JobLease.NameMaxLength).IsUnicode(false);
        builder.Property(j => j.Holder).HasMaxLength(JobLease.HolderMaxLength);
        builder.Property(j => j.LastOutcome).HasMaxLength(JobLease.OutcomeMaxLength);
        builder.Property(j => j.ConcurrencyStamp).IsConcurrencyToken();
    }
}
