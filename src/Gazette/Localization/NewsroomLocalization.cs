namespace Gazette.Localization;

/// <summary>
/// The newsroom labels for views (<c>@inject NewsroomLabels Words</c>), and validation messages of the newsroom's forms in the member's language: the <c>ErrorMessage</c> and
/// <c>Display(Name)</c> of admin and account models are keys of <c>Newsroom.resx</c>, and the model binder's own
/// messages ("not a number") come from there too.
/// </summary>
public static class NewsroomLocalization
{
    public static IMvcBuilder AddNewsroomLocalization(this IMvcBuilder mvc)
    {
        mvc.Services.AddSingleton(NewsroomLabels.Current);
        mvc.Services.AddLocalization();
        mvc.AddDataAnnotationsLocalization(localization => localization.DataAnnotationLocalizerProvider = (type, factory) =>
            IsNewsroomModel(type) ? factory.Create("Localization.Newsroom", typeof(NewsroomLabels).Assembly.GetName().Name!) : factory.Create(type));
        mvc.AddMvcOptions(options =>
        {
            var messages = options.ModelBindingMessageProvider;
            var t = NewsroomLabels.Current;
            messages.SetAttemptedValueIsInvalidAccessor((value, field) => t.Format("ValidationValueInvalid", value, field));
            messages.SetNonPropertyAttemptedValueIsInvalidAccessor(value => t.Format("ValidationValueInvalidNoField", value));
            messages.SetUnknownValueIsInvalidAccessor(field => t.Format("ValidationFieldInvalid", field));
            messages.SetNonPropertyUnknownValueIsInvalidAccessor(() => t["ValidationValueUnknown"]);
            messages.SetValueIsInvalidAccessor(value => t.Format("ValidationValueInvalidNoField", value));
            messages.SetValueMustBeANumberAccessor(field => t.Format("ValidationMustBeNumber", field));
            messages.SetNonPropertyValueMustBeANumberAccessor(() => t["ValidationMustBeNumberNoField"]);
            messages.SetValueMustNotBeNullAccessor(value => t.Format("ValidationValueRequired", value));
            messages.SetMissingBindRequiredValueAccessor(field => t.Format("ValidationFieldRequired", field));
        });
        return mvc;
    }

    private static bool IsNewsroomModel(Type type) =>
        type.Namespace is { } name && (name.StartsWith("Gazette.Admin", StringComparison.Ordinal) || name.StartsWith("Gazette.Accounts", StringComparison.Ordinal));
}
