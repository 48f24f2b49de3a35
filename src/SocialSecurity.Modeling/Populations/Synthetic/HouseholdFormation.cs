using SocialSecurity.Modeling.Internal;
using static SocialSecurity.Modeling.Populations.Synthetic.SyntheticAssumptions;
using SocialSecurity.Modeling.Core;

namespace SocialSecurity.Modeling.Populations.Synthetic;

/// <summary>
/// Draws households and their members: area, place, size, ages, sex, hukou, disability, self-care and main activity.
/// One random stream, one fixed order: the same seed gives the same draft. Composition only approximates the age and
/// size targets; <see cref="SyntheticPopulation"/> then rakes the weights to meet them exactly.
/// </summary>
internal static class HouseholdFormation
{
    public static void Generate(SyntheticDraft draft, ProvinceStatistics statistics, double[] cumulativePlaceShares, int persons, SeededGenerator random, double incomeSizeCorrelation = IncomeSizeCorrelation)
    {
        double urbanShare = statistics.SurveyUrbanShare.Value;
        double meanSize = statistics.HouseholdSize.Value;
        double urbanSize = Math.Max(1.05, meanSize + UrbanSizeOffset);
        double ruralSize = Math.Max(1.05, meanSize + RuralSizeOffset);

        // Probability that a household is urban so that the expected urban person share is the target.
        double urbanHouseholdProbability = urbanShare * ruralSize / ((urbanShare * ruralSize) + ((1 - urbanShare) * urbanSize));
        double elderlyScale = statistics.AgeShare60Plus.Value / ElderlyReferenceShare;

        // Ages above 60 follow a Gompertz-shaped survival whose level makes P(65+ | 60+) the target ratio.
        double ratio65 = Math.Clamp(statistics.AgeShare65Plus.Value / statistics.AgeShare60Plus.Value, 0.3, 0.95);
        double elderlyLevel = OldAgeLevel(ratio65);

        int h = 0;
        int p = 0;
        while (p < persons)
        {
            var area = random.Chance(urbanHouseholdProbability) ? AreaType.Urban : AreaType.Rural;
            int size = DrawSize(area == AreaType.Urban ? urbanSize : ruralSize, random);
            size = Math.Min(size, persons - p);
            int place = DrawPlace(cumulativePlaceShares, random);

            draft.Area[h] = area;
            draft.Place[h] = place;
            draft.MemberStart[h] = p;
            double incomeNoise = random.NextNormal();
            draft.AssetNoise[h] = random.NextNormal();

            Compose(draft, p, size, elderlyScale, elderlyLevel, statistics.ChildShare.Value, statistics.ChildMaxAge, random);

            // Larger households have lower per-capita income [I]: the score leans on the standardized size.
            double sizeScore = (size - meanSize) / SizeScoreScale;
            draft.IncomeRank[h] = (-incomeSizeCorrelation * sizeScore) + (Math.Sqrt(1 - (incomeSizeCorrelation * incomeSizeCorrelation)) * incomeNoise);

            // Hukou: decided per household, then per member activity, disability and self-care.
            bool migrant = area == AreaType.Urban ? !random.Chance(UrbanLocalHukouShare) : random.Chance(RuralResidentUrbanHukouShare);
            var hukou = (area == AreaType.Urban) ^ migrant ? HukouType.Urban : HukouType.Rural;
            int hukouPlace = -1;
            if (migrant && hukou == HukouType.Rural && cumulativePlaceShares.Length > 1 && random.Chance(MigrantRegisteredElsewhereShare))
            {
                hukouPlace = DrawPlace(cumulativePlaceShares, random);
                hukouPlace = hukouPlace == place ? -1 : hukouPlace;
            }

            for (int i = p; i < p + size; i++)
            {
                draft.Hukou[i] = hukou;
                draft.HukouPlace[i] = hukouPlace;
                int age = draft.Age[i];
                draft.Disability[i] = DrawDisability(age, random);
                draft.SelfCare[i] = DrawSelfCare(age, draft.Disability[i], random);
                draft.Employment[i] = DrawEmployment(age, draft.Sex[i], hukou, area, draft.Disability[i], statistics.ChildMaxAge, random);
            }

            p += size;
            h++;
        }

        draft.MemberStart[h] = p;
        draft.HouseholdCount = h;
        draft.PersonCount = p;
    }

    private static int DrawSize(double mean, SeededGenerator random)
    {
        // 1 + Poisson(mean − 1), by inversion (Knuth), truncated.
        double limit = Math.Exp(-(mean - 1));
        int k = 0;
        double product = random.NextDouble();
        while (product > limit && k < MaxHouseholdSize - 1)
        {
            k++;
            product *= random.NextDouble();
        }

        return 1 + k;
    }

    private static int DrawPlace(double[] cumulative, SeededGenerator random)
    {
        double u = random.NextDouble();
        for (int i = 0; i < cumulative.Length - 1; i++)
        {
            if (u < cumulative[i])
            {
                return i;
            }
        }

        return cumulative.Length - 1;
    }

    /// <summary>Ages and sexes of the members: the first member is always an adult (the household head).</summary>
    private static void Compose(SyntheticDraft draft, int first, int size, double elderlyScale, double elderlyLevel, double childShare, int childMaxAge, SeededGenerator random)
    {
        var age = draft.Age;
        var sex = draft.Sex;
        if (size == 1)
        {
            bool elderly = random.Chance(Math.Min(0.9, SingleElderlyProbability * elderlyScale));
            age[first] = elderly ? ElderlyAge(60, elderlyLevel, random) : (byte)random.NextInt(18, 60);
            sex[first] = random.Chance(elderly ? 0.4 : 0.55) ? Sex.Male : Sex.Female;
            return;
        }

        if (size == 2)
        {
            double u = random.NextDouble();
            double elderlyCouple = Math.Min(0.8, ElderlyCoupleProbability * elderlyScale);
            if (u < elderlyCouple)
            {
                Couple(draft, first, ElderlyAge(60, elderlyLevel, random), 60, MaxAge, random);
            }
            else if (u < elderlyCouple + SingleParentProbability)
            {
                int parent = random.NextInt(25, 56);
                age[first] = (byte)parent;
                sex[first] = random.Chance(0.3) ? Sex.Male : Sex.Female;
                age[first + 1] = (byte)random.NextInt(0, Math.Min(parent - 20, 22) + 1);
                sex[first + 1] = RandomSex(random);
            }
            else
            {
                Couple(draft, first, random.NextInt(22, 60), 20, 59, random);
            }

            return;
        }

        // Three or more: a couple, possibly grandparents, and children.
        int parentAge = random.NextInt(24, 60);
        Couple(draft, first, parentAge, 20, 64, random);
        int grandparents = 0;
        double grandProbability = Math.Min(0.9, (size == 3 ? GrandparentProbabilitySize3 : GrandparentProbabilitySize4Plus) * elderlyScale);
        if (random.Chance(grandProbability))
        {
            grandparents = size >= 5 && random.Chance(0.5) ? 2 : 1;
        }

        int slot = first + 2;
        for (int g = 0; g < grandparents; g++, slot++)
        {
            age[slot] = ElderlyAge(Math.Max(60, parentAge + 20), elderlyLevel, random);
            sex[slot] = g == 0 ? (random.Chance(0.4) ? Sex.Male : Sex.Female) : (sex[slot - 1] == Sex.Male ? Sex.Female : Sex.Male);
        }

        // A child slot holds a minor with a probability that rises with the target child share [I tuning], else an
        // adult child still living at home.
        int maxChildAge = Math.Clamp(parentAge - 20, 0, MaxChildAgeAtHome);
        for (; slot < first + size; slot++)
        {
            bool minor = maxChildAge <= childMaxAge || random.Chance(MinorSlotBase + (MinorSlotPerChildShare * childShare));
            age[slot] = minor
                ? (byte)random.NextInt(0, Math.Min(maxChildAge, childMaxAge) + 1)
                : (byte)random.NextInt(childMaxAge + 1, maxChildAge + 1);
            sex[slot] = RandomSex(random);
        }
    }

    private static void Couple(SyntheticDraft draft, int first, int headAge, int minAge, int maxAge, SeededGenerator random)
    {
        bool headMale = random.Chance(0.5);
        draft.Age[first] = (byte)Math.Clamp(headAge, minAge, MaxAge);
        draft.Sex[first] = headMale ? Sex.Male : Sex.Female;
        draft.Age[first + 1] = (byte)Math.Clamp(headAge + random.NextInt(-3, 4), minAge, Math.Max(maxAge, headAge));
        draft.Sex[first + 1] = headMale ? Sex.Female : Sex.Male;
    }

    /// <summary>
    /// The slope <c>c</c> of the survival above 60 from which the ages of older members are drawn,
    /// <c>S(x) = exp(−k (e^(c x) − 1))</c> at <c>x</c> years past 60 [I]. With 0.05 and the 2020 share of 65+ among 60+
    /// (70.6%), the shares of 70+, 80+, 90+ and 100+ among 60+ are 45.1%, 12.2%, 1.38% and 0.015%, against 42.3%, 12.7%,
    /// 1.44% and 0.014% in UN World Population Prospects 2024 for China in 2020 (5-year age groups). A fitted slope, not a
    /// fact; it replaces an exponential excess that put about 9% of those 60+ at the oldest age.
    /// </summary>
    internal const double OldAgeSlope = 0.05;

    /// <summary>
    /// An age from <paramref name="minimum"/> (60 or more) to <see cref="SyntheticAssumptions.MaxAge"/>, drawn from the
    /// survival <c>S</c> of <see cref="OldAgeSlope"/> and level <paramref name="level"/> truncated to those ages, by its
    /// inverse distribution function from one uniform (so no probability piles up at the oldest age).
    /// </summary>
    private static byte ElderlyAge(int minimum, double level, SeededGenerator random)
    {
        double from = OldAgeSurvival(minimum - 60, level), to = OldAgeSurvival(MaxAge + 1 - 60, level);
        double survival = from - (random.NextDouble() * (from - to));
        double years = Math.Log(1 - (Math.Log(survival) / level)) / OldAgeSlope;
        return (byte)Math.Clamp(60 + (int)years, minimum, MaxAge);
    }

    private static double OldAgeSurvival(double years, double level) => Math.Exp(-level * (Math.Exp(OldAgeSlope * years) - 1));

    /// <summary>
    /// The level <c>k</c> for which the share of 65+ among ages 60 to <see cref="SyntheticAssumptions.MaxAge"/>,
    /// <c>(S(5) − S(T)) / (1 − S(T))</c> with <c>T = MaxAge + 1 − 60</c>, is <paramref name="ratio65"/>, by bisection:
    /// the share falls as <c>k</c> grows, from about 0.96 towards 0.
    /// </summary>
    internal static double OldAgeLevel(double ratio65)
    {
        const int span = MaxAge + 1 - 60;
        static double Share(double k) => (OldAgeSurvival(5, k) - OldAgeSurvival(span, k)) / (1 - OldAgeSurvival(span, k));
        double low = 1e-6, high = 50;
        for (int i = 0; i < 200 && high - low > 1e-13; i++)
        {
            double mid = 0.5 * (low + high);
            (low, high) = Share(mid) > ratio65 ? (mid, high) : (low, mid);
        }

        return 0.5 * (low + high);
    }

    private static Sex RandomSex(SeededGenerator random) => random.Chance(0.51) ? Sex.Male : Sex.Female;

    private static DisabilityGrade DrawDisability(int age, SeededGenerator random)
    {
        double prevalence = age < 60 ? DisabilityUnder60 : age < 80 ? Disability60To79 : Disability80Plus;
        if (!random.Chance(prevalence))
        {
            return DisabilityGrade.None;
        }

        // Grade mix [I]: 12% grade 1, 18% grade 2, 30% grade 3, 40% grade 4.
        double u = random.NextDouble();
        return u < 0.12 ? DisabilityGrade.Grade1 : u < 0.30 ? DisabilityGrade.Grade2 : u < 0.60 ? DisabilityGrade.Grade3 : DisabilityGrade.Grade4;
    }

    private static SelfCareAbility DrawSelfCare(int age, DisabilityGrade disability, SeededGenerator random)
    {
        // [I] shares partly / fully unable: by disability grade first, then by age.
        (double partly, double fully) = disability switch
        {
            DisabilityGrade.Grade1 => (0.3, 0.5),
            DisabilityGrade.Grade2 => (0.4, 0.1),
            _ => age >= 80 ? (0.15, 0.06) : age >= 65 ? (0.04, 0.01) : (0.0, 0.0),
        };
        double u = random.NextDouble();
        return u < fully ? SelfCareAbility.FullyUnable : u < fully + partly ? SelfCareAbility.PartlyUnable : SelfCareAbility.Able;
    }

    private static EmploymentStatus DrawEmployment(int age, Sex sex, HukouType hukou, AreaType area, DisabilityGrade disability, int childMaxAge, SeededGenerator random)
    {
        if (age < 6)
        {
            return EmploymentStatus.Inactive;
        }

        if (age <= childMaxAge || (age <= 18 && random.Chance(0.85)) || (age <= 22 && random.Chance(area == AreaType.Urban ? 0.55 : 0.3)))
        {
            return EmploymentStatus.Student;
        }

        if (disability is DisabilityGrade.Grade1 or DisabilityGrade.Grade2 && random.Chance(0.6))
        {
            return EmploymentStatus.Inactive;
        }

        double u = random.NextDouble();
        if (hukou == HukouType.Urban && u < RetiredProbability(age, sex))
        {
            return EmploymentStatus.Retired;
        }

        u = random.NextDouble();
        if (age >= 60)
        {
            if (hukou == HukouType.Urban)
            {
                return EmploymentStatus.Inactive;
            }

            return area == AreaType.Rural
                ? (age < 75 && u < 0.45 ? EmploymentStatus.Agricultural : EmploymentStatus.Inactive)
                : (u < 0.2 ? EmploymentStatus.SelfEmployed : EmploymentStatus.Inactive);
        }

        // Working age [I]: urban locals, urban migrants (rural hukou), rural residents.
        if (area == AreaType.Rural)
        {
            return u < 0.40 ? EmploymentStatus.Agricultural : u < 0.70 ? EmploymentStatus.Employee : u < 0.80 ? EmploymentStatus.SelfEmployed : u < 0.83 ? EmploymentStatus.Unemployed : EmploymentStatus.Inactive;
        }

        return hukou == HukouType.Rural
            ? (u < 0.70 ? EmploymentStatus.Employee : u < 0.88 ? EmploymentStatus.SelfEmployed : u < 0.92 ? EmploymentStatus.Unemployed : EmploymentStatus.Inactive)
            : (u < 0.66 ? EmploymentStatus.Employee : u < 0.80 ? EmploymentStatus.SelfEmployed : u < 0.85 ? EmploymentStatus.Unemployed : EmploymentStatus.Inactive);
    }
}
