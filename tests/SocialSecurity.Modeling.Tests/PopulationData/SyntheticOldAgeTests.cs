using SocialSecurity.Modeling.Populations.Synthetic;
using SocialSecurity.Modeling.Regions;

namespace SocialSecurity.Modeling.Tests.PopulationData;

/// <summary>
/// The ages of the synthetic elderly against UN World Population Prospects 2024 for China in 2020 (5-year groups,
/// both sexes): among persons 60+, 12.7% are 80+, 1.44% are 90+ and 0.014% are 100+. The generator draws old ages from
/// a fitted survival (docs/populations.md); an earlier exponential draw put about 9% of the 60+ at age 100.
/// </summary>
public class SyntheticOldAgeTests
{
    [Theory]
    [InlineData(RegionCodes.China)]
    [InlineData(RegionCodes.Zhejiang)]
    [InlineData(RegionCodes.Xinjiang)]
    public void Old_ages_thin_out_as_in_the_population_and_do_not_pile_up_at_the_oldest_age(string region)
    {
        var population = SyntheticPopulation.Generate(new SyntheticPopulationOptions { RegionCode = region, Persons = 60_000, Year = 2023 });
        double sixty = 0, eighty = 0, ninety = 0, oldest = 0;
        for (int p = 0; p < population.PersonCount; p++)
        {
            int age = population.Age[p];
            double weight = population.Weight[population.PersonHousehold[p]];
            sixty += age >= 60 ? weight : 0;
            eighty += age >= 80 ? weight : 0;
            ninety += age >= 90 ? weight : 0;
            oldest += age >= SyntheticAssumptions.MaxAge ? weight : 0;
        }

        (eighty / sixty).Should().BeInRange(0.08, 0.18, "WPP 2024 puts 12.7% of China's 60+ at 80+ in 2020");
        (ninety / sixty).Should().BeInRange(0.004, 0.03, "WPP 2024 puts 1.44% of China's 60+ at 90+ in 2020");
        (oldest / sixty).Should().BeLessThan(0.001, "WPP 2024 puts 0.014% of China's 60+ at 100+ in 2020");
    }
}
